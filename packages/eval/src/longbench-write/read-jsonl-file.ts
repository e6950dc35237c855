import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '@longform/core';
import type { z } from 'zod';

/**
 * Reads a JSONL file and validates every non-blank line with `schema`. The first bad line throws an
 * `InvalidInputError` naming the file, the 1-based line and the offending field, so a user can fix
 * the data without a stack trace.
 */
export async function readJsonlFile<T>(
  file: string,
  schema: z.ZodType<T>,
): Promise<Array<{ line: number; value: T }>> {
  const text = await readFile(file, 'utf8');
  return parseJsonlText(text, schema, file);
}

export function parseJsonlText<T>(
  text: string,
  schema: z.ZodType<T>,
  file: string,
): Array<{ line: number; value: T }> {
  const rows: Array<{ line: number; value: T }> = [];
  // A UTF-8 byte-order mark (Windows editors) would make line 1 invalid JSON.
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const line = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (cause) {
      throw new InvalidInputError({
        message: `not valid JSON (${(cause as Error).message})`,
        file,
        line,
        cause,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError({
        message: issue.message,
        file,
        line,
        field: issue.path.length > 0 ? issue.path.join('.') : undefined,
        cause: parsed.error,
      });
    }
    rows.push({ line, value: parsed.data });
  }
  return rows;
}
