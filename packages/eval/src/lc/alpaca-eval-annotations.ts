import { basename, dirname, sep } from 'node:path';
import { z } from 'zod';
import {
  parseAnnotationsJson,
  readAnnotationsText,
  validateAnnotationRows,
} from './annotation-rows';
import type { LcRow } from './lc-design';

/** One entry of an AlpacaEval `annotations.json`; fields the LC win rate does not use pass through. */
export const alpacaEvalAnnotationSchema = z
  .object({
    preference: z.number().nullable().optional(),
    output_1: z.string({ error: 'missing the baseline output (output_1)' }),
    output_2: z.string({ error: 'missing the model output (output_2)' }),
    generator_1: z.string({ error: 'missing generator_1' }),
    generator_2: z.string({ error: 'missing generator_2' }),
    annotator: z.string().optional(),
    instruction: z.string().optional(),
  })
  .passthrough();

export type AlpacaEvalAnnotation = z.infer<typeof alpacaEvalAnnotationSchema>;

/** A model's annotations, reduced to what the LC win rate needs. */
export interface AlpacaEvalAnnotationSet {
  /** The results folder name when laid out as AlpacaEval does, else `generator_2`. */
  model: string;
  /** `generator_2` as written in the file. */
  generator: string;
  /** `generator_1`: the baseline. */
  baseline: string;
  annotator: string | undefined;
  /** LC rows in file order (row order matters: the GLM indexes difficulty by position). */
  rows: LcRow[];
  /** `int(mean(code points of output_2))` over the annotated rows. */
  averageLength: number;
  source: string;
}

/**
 * Parses an AlpacaEval `annotations.json`. Python's `json.dump` writes `NaN` for a missing
 * preference, which JSON.parse rejects, so bare `NaN` tokens are read as null. Errors name the file
 * and the row index and field.
 */
export function parseAlpacaEvalAnnotations(
  text: string,
  { file = 'annotations.json' }: { file?: string } = {},
): AlpacaEvalAnnotationSet {
  const { annotations: _, ...validated } = validateAnnotationRows(
    parseAnnotationsJson(text, file),
    alpacaEvalAnnotationSchema,
    file,
  );
  return { model: modelNameFromPath(file) ?? validated.generator, ...validated, source: file };
}

/** Reads and parses an `annotations.json` file. */
export async function readAlpacaEvalAnnotations(file: string): Promise<AlpacaEvalAnnotationSet> {
  return parseAlpacaEvalAnnotations(await readAnnotationsText(file), { file });
}

/** `…/results/<model>/<annotator>/annotations.json` → `<model>`, AlpacaEval's results layout. */
export function modelNameFromPath(file: string): string | undefined {
  const normalized = file.split(/[\\/]/).join(sep);
  const annotatorDir = dirname(normalized);
  const modelDir = dirname(annotatorDir);
  if (basename(dirname(modelDir)) !== 'results') return undefined;
  const name = basename(modelDir);
  return name === '' || name === '.' ? undefined : name;
}
