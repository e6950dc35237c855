import { InvalidInputError } from '@longform/core';
import type { BenchmarkPrompts } from '../filters/decontamination-filter';
import { readLines } from '../io/read-lines';

/**
 * Reads benchmark prompts for decontamination from JSONL: the `prompt` field (LongBench-Write,
 * LongWrite-Ruler) or the `query` field (LonGen). Errors name the file and line.
 */
export async function readBenchmarkPrompts(
  file: string,
  { name }: { name: string },
): Promise<BenchmarkPrompts> {
  const prompts: string[] = [];
  try {
    for await (const { line, text } of readLines(file)) {
      if (text.trim() === '') continue;
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (cause) {
        throw new InvalidInputError({
          message: `not valid JSON (${(cause as Error).message})`,
          file,
          line,
          cause,
        });
      }
      const value =
        row != null && typeof row === 'object'
          ? ((row as Record<string, unknown>).prompt ?? (row as Record<string, unknown>).query)
          : undefined;
      if (typeof value !== 'string' || value.trim() === '') {
        throw new InvalidInputError({
          message: 'expected a "prompt" or "query" string',
          file,
          line,
          field: 'prompt',
        });
      }
      prompts.push(value);
    }
  } catch (error) {
    if (InvalidInputError.isInstance(error)) throw error;
    throw new InvalidInputError({
      message: `cannot read benchmark prompts (${(error as Error).message})`,
      file,
      cause: error,
    });
  }
  if (prompts.length === 0)
    throw new InvalidInputError({ message: 'no benchmark prompts found', file });
  return { name, prompts };
}
