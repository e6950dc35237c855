import { readFile } from 'node:fs/promises';
import { countCodePoints, InvalidInputError } from '@longform/core';
import type { z } from 'zod';
import type { AlpacaEvalAnnotation } from './alpaca-eval-annotations';
import type { LcRow } from './lc-design';

/** Validated annotation rows of one model against one baseline, reduced to what LC needs. */
export interface AnnotationRows<T extends AlpacaEvalAnnotation> {
  /** The validated rows, in file order. */
  annotations: T[];
  /** `generator_2`. */
  generator: string;
  /** `generator_1`: the baseline. */
  baseline: string;
  annotator: string | undefined;
  /** LC rows in file order (row order matters: the GLM indexes difficulty by position). */
  rows: LcRow[];
  /** `int(mean(code points of output_2))`, as AlpacaEval's `avg_length`. */
  averageLength: number;
}

/** Reads an annotations file as text; a read failure names the file. */
export async function readAnnotationsText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new InvalidInputError({
      message: `cannot read (${(cause as Error).message})`,
      file,
      cause,
    });
  }
}

/**
 * Parses the JSON array of an `annotations.json`. Python's `json.dump` writes a bare `NaN` for a
 * missing preference, which JSON.parse rejects, so such tokens are read as null.
 */
export function parseAnnotationsJson(text: string, file: string): unknown[] {
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
  return json;
}

/**
 * Validates annotation objects with `schema` and reduces them to LC rows. One file holds one model
 * against one baseline, so mixed `generator_1`/`generator_2` values are rejected. Errors name the
 * source, the row index and the field.
 */
export function validateAnnotationRows<T extends AlpacaEvalAnnotation>(
  values: readonly unknown[],
  schema: z.ZodType<T>,
  source: string,
): AnnotationRows<T> {
  if (values.length === 0) throw new InvalidInputError({ message: 'no annotations', file: source });
  const annotations = values.map((value, i) => {
    const result = schema.safeParse(value);
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
    const names = new Set(annotations.map(a => a[key]));
    if (names.size > 1) {
      throw new InvalidInputError({
        message: `${key} must name one model per file, found ${names.size}: ${[...names].slice(0, 5).join(', ')}`,
        file: source,
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
    annotations,
    generator: first.generator_2,
    baseline: first.generator_1,
    annotator: first.annotator,
    rows,
    averageLength: Math.trunc(lengthSum / rows.length),
  };
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
