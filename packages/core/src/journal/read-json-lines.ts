import type { z } from 'zod';
import { InvalidInputError } from '../errors';
import { scanLines } from './scan-lines';

export interface ReadJsonLinesOptions {
  /**
   * Ignore the last line when it has no trailing newline and does not parse: that is what a crash
   * in the middle of an append leaves behind. Anywhere else, a bad line is an error.
   */
  tolerateTornTail?: boolean;
}

/**
 * Streams a JSONL file, validating every line with `schema`. Blank lines are skipped. A bad line
 * throws an `InvalidInputError` naming the file, the line and (for schema errors) the field.
 */
export async function* readJsonLines<SCHEMA extends z.ZodType>(
  file: string,
  schema: SCHEMA,
  { tolerateTornTail = false }: ReadJsonLinesOptions = {},
): AsyncGenerator<{ value: z.output<SCHEMA>; line: number }> {
  for await (const scanned of scanLines(file)) {
    let text = scanned.bytes.toString('utf8');
    if (scanned.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      if (tolerateTornTail && !scanned.terminated) return;
      throw new InvalidInputError({
        message: `not valid JSON (${(error as Error).message})`,
        file,
        line: scanned.line,
        cause: error,
      });
    }
    yield { value: parseWithSchema(schema, json, file, scanned.line), line: scanned.line };
  }
}

/** Validates one parsed value; the error names the first failing field. */
export function parseWithSchema<SCHEMA extends z.ZodType>(
  schema: SCHEMA,
  value: unknown,
  file?: string,
  line?: number,
): z.output<SCHEMA> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  throw new InvalidInputError({
    message: issue?.message ?? 'does not match the expected format',
    file,
    line,
    field,
    cause: result.error,
  });
}
