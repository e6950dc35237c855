import { readFile } from 'node:fs/promises';
import { countCodePoints, InvalidInputError } from '@longform/core';
import { z } from 'zod';
import { alpacaEvalAnnotationSchema, modelNameFromPath } from '../lc/alpaca-eval-annotations';
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
  if (annotations.length === 0)
    throw new InvalidInputError({ message: 'no annotations', file: source });
  const parsed = annotations.map((value, i) => {
    const result = customLcAnnotationSchema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new InvalidInputError({
        message: `row ${i}: ${issue.message}`,
        file: source,
        field: `[${i}]${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}`,
      });
    }
    return result.data;
  });
  for (const key of ['generator_1', 'generator_2'] as const) {
    const names = new Set(parsed.map(a => a[key]));
    if (names.size > 1) {
      throw new InvalidInputError({
        message: `${key} must name one model per file, found ${names.size}: ${[...names].slice(0, 5).join(', ')}`,
        file: source,
        field: key,
      });
    }
  }
  const first = parsed[0]!;
  const rows: LcRow[] = parsed.map(a => ({
    preference: a.preference ?? null,
    baselineLength: countCodePoints(a.output_1),
    modelLength: countCodePoints(a.output_2),
  }));
  const lengthSum = rows.reduce((sum, row) => sum + row.modelLength, 0);
  return {
    model: model ?? first.generator_2,
    generator: first.generator_2,
    baseline: first.generator_1,
    annotator: first.annotator,
    instructions: parsed.map(a => a.instruction),
    rows,
    averageLength: Math.trunc(lengthSum / rows.length),
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
  const model = modelNameFromPath(file);
  return customLcAnnotationSet(json, { source: file, ...(model ? { model } : {}) });
}

/** Reads and parses an `annotations.json` file for custom-set LC. */
export async function readCustomLcAnnotations(file: string): Promise<CustomLcAnnotationSet> {
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
  return parseCustomLcAnnotations(text, { file });
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
