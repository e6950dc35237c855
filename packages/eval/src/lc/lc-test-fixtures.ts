import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConformanceRows } from './conformance-rows';
import { type GamedData, parseGamedData } from './gamed-data';
import type { LcRow } from './lc-design';
import { parseCsv } from './parse-csv';
import { alpacaEvalLcDir, conformanceDir } from './test-data';

/** Test-only loaders of the shared conformance set. */
let gamed: GamedData | undefined;
export function loadTestGamedData(): GamedData {
  const path = join(alpacaEvalLcDir, 'df_gamed.csv');
  gamed ??= parseGamedData(readFileSync(path, 'utf8'), { file: path });
  return gamed;
}

export function loadConformanceModel(model: string): LcRow[] {
  const path = join(conformanceDir, 'models', `${model}.jsonl`);
  return parseConformanceRows(readFileSync(path, 'utf8'), { file: path });
}

export type ExpectedRow = Record<string, string>;

export function loadExpected(): ExpectedRow[] {
  const [header, ...records] = parseCsv(readFileSync(join(conformanceDir, 'expected.csv'), 'utf8'));
  return records.map(record =>
    Object.fromEntries(header!.fields.map((name, k) => [name, record.fields[k]!])),
  );
}

export function loadCvScores(): Record<string, { modern: number[][]; legacy: number[][] }> {
  return JSON.parse(readFileSync(join(conformanceDir, 'cv_scores.json'), 'utf8'));
}
