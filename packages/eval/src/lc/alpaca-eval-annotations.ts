import { readFile } from 'node:fs/promises';
import { basename, dirname, sep } from 'node:path';
import { countCodePoints, InvalidInputError } from '@longform/core';
import { z } from 'zod';
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
  let json: unknown;
  try {
    json = JSON.parse(replaceBareNaN(text));
  } catch (cause) {
    throw new InvalidInputError({
      message: `invalid JSON (${(cause as Error).message})`,
      file,
      cause,
    });
  }
  if (!Array.isArray(json)) {
    throw new InvalidInputError({ message: 'expected a JSON array of annotations', file });
  }
  if (json.length === 0) throw new InvalidInputError({ message: 'no annotations', file });
  const annotations = json.map((value, i) => {
    const parsed = alpacaEvalAnnotationSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError({
        message: `row ${i}: ${issue.message}`,
        file,
        field: `[${i}]${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}`,
      });
    }
    return parsed.data;
  });
  for (const key of ['generator_1', 'generator_2'] as const) {
    const names = new Set(annotations.map(a => a[key]));
    if (names.size > 1) {
      throw new InvalidInputError({
        message: `${key} must name one model per file, found ${names.size}: ${[...names].slice(0, 5).join(', ')}`,
        file,
        field: key,
      });
    }
  }
  const first = annotations[0]!;
  const rows: LcRow[] = annotations.map(a => ({
    preference: a.preference ?? null,
    baselineLength: countCodePoints(a.output_1),
    modelLength: countCodePoints(a.output_2),
  }));
  const lengthSum = rows.reduce((sum, row) => sum + row.modelLength, 0);
  return {
    model: modelNameFromPath(file) ?? first.generator_2,
    generator: first.generator_2,
    baseline: first.generator_1,
    annotator: first.annotator,
    rows,
    averageLength: Math.trunc(lengthSum / rows.length),
    source: file,
  };
}

/** Reads and parses an `annotations.json` file. */
export async function readAlpacaEvalAnnotations(file: string): Promise<AlpacaEvalAnnotationSet> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new InvalidInputError({
      message: `cannot read (${(cause as Error).message})`,
      file,
      cause,
    });
  }
  return parseAlpacaEvalAnnotations(text, { file });
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

function replaceBareNaN(text: string): string {
  if (!text.includes('NaN')) return text;
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (text.startsWith('NaN', i)) {
      out += 'null';
      i += 2;
    } else out += ch;
  }
  return out;
}
