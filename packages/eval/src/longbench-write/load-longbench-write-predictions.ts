import { readJsonLines } from '@longform/core';
import { z } from 'zod';
import { detectLongBenchWriteLanguage } from './load-longbench-write';
import { type LongBenchWriteLanguage, longBenchWriteRowSchema } from './longbench-write-row';
import type { LongBenchWriteRunItem } from './run-longbench-write';

/**
 * A prediction row as upstream pred.py writes it (`{prompt, type, length, response_length,
 * response}`) or longform's `predictions.jsonl`. `response_length` is ignored and recounted.
 */
export const longBenchWritePredictionRowSchema = longBenchWriteRowSchema.extend({
  type: z.string().optional(),
  response: z.string({ error: 'must be a string (the model output)' }),
  language: z.enum(['en', 'zh']).optional(),
});

/**
 * Loads predictions to score. Each row's language is its `language` field, else the language of the
 * same prompt in `languages` (e.g. from `loadLongBenchWrite` on the dataset), else a script guess.
 */
export async function loadLongBenchWritePredictions(
  file: string,
  { languages }: { languages?: ReadonlyMap<string, LongBenchWriteLanguage> } = {},
): Promise<Array<LongBenchWriteRunItem & { line: number }>> {
  const rows: Array<LongBenchWriteRunItem & { line: number }> = [];
  for await (const { line, value } of readJsonLines(file, longBenchWritePredictionRowSchema)) {
    rows.push({
      line,
      prompt: value.prompt,
      ...(value.type !== undefined ? { type: value.type } : {}),
      length: value.length,
      response: value.response,
      language:
        value.language ??
        languages?.get(value.prompt) ??
        detectLongBenchWriteLanguage(value.prompt),
    });
  }
  return rows;
}
