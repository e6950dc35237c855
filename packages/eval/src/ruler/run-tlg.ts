import { countWordsRuler, InvalidInputError, parseWithSchema } from '@longform/core';
import { z } from 'zod';
import type { BenchmarkRunArgs } from '../longbench-write/benchmark-run-args';
import { type GenerationFailure, generateResponses } from '../longbench-write/generate-responses';
import { invalidRowError } from '../longbench-write/invalid-row-error';
import { writeRunOutputs } from '../longbench-write/write-run-outputs';
import { aggregateTlg, type TlgReport } from './aggregate-tlg';
import { isMltTarget, MLT_TARGETS, type MltTarget } from './mlt-scheme';
import { tlgPrompt } from './tlg-prompt';

export const tlgRunOptionsSchema = z.object({
  /**
   * Ruler's baseline decoding: 2048 tokens. Upstream leaves the API temperature unset; the project
   * pins 0 so runs are comparable across providers.
   */
  generation: z
    .object({
      temperature: z.number().min(0).default(0),
      maxOutputTokens: z.number().int().positive().default(2048),
    })
    .default({ temperature: 0, maxOutputTokens: 2048 }),
});

export type TlgRunOptions = z.input<typeof tlgRunOptionsSchema>;

export type TlgRunItem = {
  instruction?: string;
  target: string;
  /** An output to score instead of generating one. */
  output?: string;
  line?: number;
};

export type TlgRunResult = {
  report: TlgReport;
  predictions: Array<{
    index: number;
    instruction?: string;
    target: MltTarget;
    words: number;
    output: string;
  }>;
  generationFailures: GenerationFailure[];
  files: string[];
};

/**
 * Runs Ruler's TLG baseline: each instruction gets the TLG sentence for its target (`tlgPrompt`) as
 * a single user message, the output is counted with `countWordsRuler`, and PM/FM are aggregated per
 * target, per level and pooled. Given `output`s are scored as they are. Writes `predictions.jsonl`
 * and `report.json` atomically.
 */
export async function runTlg({
  run,
  scheduler,
  model,
  items,
  file,
  signal,
  onProgress,
  ...rest
}: TlgRunOptions & BenchmarkRunArgs<TlgRunItem>): Promise<TlgRunResult> {
  const { generation } = parseWithSchema(tlgRunOptionsSchema, rest);
  if (items.length === 0) throw new InvalidInputError({ message: 'no TLG items to run', file });
  items.forEach((item, index) => {
    const where = { file, line: item.line, index };
    if (!isMltTarget(item.target)) {
      throw invalidRowError({
        ...where,
        message: `unknown TLG target ${JSON.stringify(item.target)} (expected one of ${MLT_TARGETS.join(', ')})`,
        field: 'TargetLength',
      });
    }
    if (item.output === undefined && !item.instruction) {
      throw invalidRowError({
        ...where,
        message: 'needs an Instruction or an output',
        field: 'Instruction',
      });
    }
  });
  const { responses, failures } = await generateResponses({
    run,
    scheduler,
    ...(model ? { model } : {}),
    stage: 'tlg.generate',
    items: items.map(item => ({
      prompt: item.instruction ? tlgPrompt(item.instruction, item.target as MltTarget) : '',
      ...(item.output !== undefined ? { response: item.output } : {}),
    })),
    params: generation,
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const predictions: TlgRunResult['predictions'] = [];
  items.forEach((item, index) => {
    const response = responses[index];
    if (!response) return;
    predictions.push({
      index,
      ...(item.instruction !== undefined ? { instruction: item.instruction } : {}),
      target: item.target as MltTarget,
      words: countWordsRuler(response.text),
      output: response.text,
    });
  });
  const report = aggregateTlg(predictions.map(p => ({ target: p.target, words: p.words })));
  const files = await writeRunOutputs(run, {
    jsonl: { 'predictions.jsonl': predictions },
    report: { ...(model ? { model: model.spec } : {}), generationFailures: failures, report },
  });
  return { report, predictions, generationFailures: failures, files };
}
