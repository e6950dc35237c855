import { readJsonlFile } from '../longbench-write/read-jsonl-file';
import {
  type LonGenQueryRow,
  type LonGenRow,
  lonGenQueryRowSchema,
  lonGenRowSchema,
} from './longen-row';

/** Loads LonGen rows with responses; a bad row throws naming the file, line and field. */
export async function loadLonGen(file: string): Promise<Array<LonGenRow & { line: number }>> {
  return (await readJsonlFile(file, lonGenRowSchema)).map(({ line, value }) => ({
    ...value,
    line,
  }));
}

/** Loads LonGen rows as published (LonGen.jsonl) or with responses: each needs a `query` or a `response`. */
export async function loadLonGenQueries(
  file: string,
): Promise<Array<LonGenQueryRow & { line: number }>> {
  return (await readJsonlFile(file, lonGenQueryRowSchema)).map(({ line, value }) => ({
    ...value,
    line,
  }));
}
