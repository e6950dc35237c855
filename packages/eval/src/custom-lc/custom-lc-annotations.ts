import { z } from 'zod';
import { alpacaEvalAnnotationSchema, modelNameFromPath } from '../lc/alpaca-eval-annotations';
import {
  parseAnnotationsJson,
  readAnnotationsText,
  validateAnnotationRows,
} from '../lc/annotation-rows';
import type { LcRow } from '../lc/lc-design';

/** An annotation row on a custom instruction set: AlpacaEval's fields, with the instruction required. */
const customLcAnnotationSchema = alpacaEvalAnnotationSchema.extend({
  instruction: z.string({
    error: 'missing the instruction: custom-set LC aligns models by instruction text',
  }),
});

/** One model's annotations on a custom instruction set, keyed by instruction text. */
export interface CustomLcAnnotationSet {
  /** The results folder name when laid out as AlpacaEval does, else `generator_2`. */
  model: string;
  /** `generator_2`. */
  generator: string;
  /** `generator_1`: the baseline. */
  baseline: string;
  annotator: string | undefined;
  /** The instruction of each row, in file order. */
  instructions: string[];
  /** LC rows in file order, without `instructionIndex` (set by `alignCustomInstructions`). */
  rows: LcRow[];
  /** `int(mean(code points of output_2))`, as AlpacaEval's `avg_length`. */
  averageLength: number;
  /** Where the annotations came from; named in every error. */
  source: string;
}

/**
 * Validates annotation objects (AlpacaEval's `annotations.json` rows, or what
 * `createPairwiseJudge().annotateAll` returns) into a custom-set annotation set. Errors name the
 * source and the row.
 */
export function customLcAnnotationSet(
  annotations: readonly unknown[],
  { source, model }: { source: string; model?: string },
): CustomLcAnnotationSet {
  const validated = validateAnnotationRows(annotations, customLcAnnotationSchema, source);
  return {
    model: model ?? validated.generator,
    generator: validated.generator,
    baseline: validated.baseline,
    annotator: validated.annotator,
    instructions: validated.annotations.map(a => a.instruction),
    rows: validated.rows,
    averageLength: validated.averageLength,
    source,
  };
}

/**
 * Parses an `annotations.json` for custom-set LC. Python's `json.dump` writes a bare `NaN` for a
 * missing preference, which JSON.parse rejects, so such tokens are read as null.
 */
export function parseCustomLcAnnotations(
  text: string,
  { file = 'annotations.json' }: { file?: string } = {},
): CustomLcAnnotationSet {
  const json = parseAnnotationsJson(text, file);
  const model = modelNameFromPath(file);
  return customLcAnnotationSet(json, { source: file, ...(model ? { model } : {}) });
}

/** Reads and parses an `annotations.json` file for custom-set LC. */
export async function readCustomLcAnnotations(file: string): Promise<CustomLcAnnotationSet> {
  return parseCustomLcAnnotations(await readAnnotationsText(file), { file });
}
