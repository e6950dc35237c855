import { InvalidInputError } from '@longform/core';
import type { AlpacaModelOutput } from './alpaca-annotation';
import type { PairwiseJudgeInput } from './create-pairwise-judge';

/**
 * Pairs a model's outputs with the baseline's by instruction text, as AlpacaEval merges them, in the
 * model file's order. The baseline is `output_1` (preference 1 = baseline wins). Every model
 * instruction must have exactly one baseline output.
 */
export function pairModelOutputs({
  baseline,
  model,
  baselineFile,
  modelFile,
}: {
  baseline: readonly AlpacaModelOutput[];
  model: readonly AlpacaModelOutput[];
  baselineFile?: string;
  modelFile?: string;
}): PairwiseJudgeInput[] {
  const byInstruction = new Map<string, AlpacaModelOutput>();
  baseline.forEach((row, index) => {
    if (byInstruction.has(row.instruction)) {
      throw new InvalidInputError({
        message: `entry ${index}: duplicate instruction ${preview(row.instruction)}`,
        file: baselineFile,
        field: 'instruction',
      });
    }
    byInstruction.set(row.instruction, row);
  });
  const seen = new Set<string>();
  return model.map((row, index) => {
    if (seen.has(row.instruction)) {
      throw new InvalidInputError({
        message: `entry ${index}: duplicate instruction ${preview(row.instruction)}`,
        file: modelFile,
        field: 'instruction',
      });
    }
    seen.add(row.instruction);
    const base = byInstruction.get(row.instruction);
    if (!base) {
      throw new InvalidInputError({
        message: `entry ${index}: no baseline output for instruction ${preview(row.instruction)}${baselineFile ? ` in ${baselineFile}` : ''}`,
        file: modelFile,
        field: 'instruction',
      });
    }
    return {
      instruction: row.instruction,
      output_1: base.output,
      generator_1: base.generator,
      output_2: row.output,
      generator_2: row.generator,
      ...(row.dataset !== undefined ? { dataset: row.dataset } : {}),
    };
  });
}

function preview(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
