import { readJsonLines } from '@longform/core';
import {
  type LonGenQueryRow,
  type LonGenRow,
  lonGenQueryRowSchema,
  lonGenRowSchema,
} from './longen-row';

/** Loads LonGen rows with responses; a bad row throws naming the file, line and field. */
export async function loadLonGen(file: string): Promise<Array<LonGenRow & { line: number }>> {
  const rows: Array<LonGenRow & { line: number }> = [];
  for await (const { line, value } of readJsonLines(file, lonGenRowSchema)) {
    rows.push({ ...value, line });
  }
  return rows;
}

/** Loads LonGen rows as published (LonGen.jsonl) or with responses: each needs a `query` or a `response`. */
export async function loadLonGenQueries(
  file: string,
): Promise<Array<LonGenQueryRow & { line: number }>> {
  const rows: Array<LonGenQueryRow & { line: number }> = [];
  for await (const { line, value } of readJsonLines(file, lonGenQueryRowSchema)) {
    rows.push({ ...value, line });
  }
  return rows;
}
