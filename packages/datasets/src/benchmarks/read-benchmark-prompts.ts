import { InvalidInputError, readJsonLines } from '@longform/core';
import { z } from 'zod';
import type { BenchmarkPrompts } from '../filters/decontamination-filter';

// LongBench-Write and LongWrite-Ruler name the field `prompt`, LonGen `query`.
const benchmarkPromptRowSchema = z.unknown().transform((row, ctx) => {
  const fields = row != null && typeof row === 'object' ? (row as Record<string, unknown>) : {};
  const value = fields.prompt ?? fields.query;
  if (typeof value === 'string' && value.trim() !== '') return value;
  ctx.addIssue({
    code: 'custom',
    message: 'expected a "prompt" or "query" string',
    path: ['prompt'],
  });
  return z.NEVER;
});

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
    for await (const { value } of readJsonLines(file, benchmarkPromptRowSchema)) {
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
