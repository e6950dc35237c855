import { InvalidInputError } from '@longform/core';
import { z } from 'zod';
import { parseCsv } from './parse-csv';

const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal string parsed with the correctly rounded `Number` (pandas' default parser is not). */
const csvFloat = z
  .string()
  .regex(FLOAT, 'expected a decimal number')
  .transform(value => Number(value));

const BOOLEAN = {
  True: true,
  False: false,
  true: true,
  false: false,
  '1': true,
  '0': false,
} as const;

/** One row of `df_gamed.csv`, the 1610 gamed-baseline regularisation rows of the LC GLM. */
export const gamedRowSchema = z.object({
  preference: csvFloat.pipe(z.number().min(0).max(1)),
  index: z
    .string()
    .regex(/^\d+$/, 'expected a non-negative integer')
    .transform(value => Number(value)),
  std_delta_len: csvFloat,
  instruction_difficulty: csvFloat,
  not_gamed_baseline: z
    .enum(['True', 'False', 'true', 'false', '1', '0'])
    .transform(v => BOOLEAN[v]),
  model: z.string().optional(),
});

export type GamedRowInput = z.input<typeof gamedRowSchema>;

export interface GamedRow {
  preference: number;
  index: number;
  stdDeltaLen: number;
  instructionDifficulty: number;
  notGamedBaseline: boolean;
}

/** The gamed rows plus the per-instruction difficulty γ taken from the first row of each index. */
export interface GamedData {
  rows: GamedRow[];
  /** γ_i for instruction index i = 0..max index; NaN where no row has that index. */
  difficultyByIndex: Float64Array;
  /** Where the data came from, for error messages and reports. */
  source: string;
}

const REQUIRED_COLUMNS = [
  'preference',
  'index',
  'std_delta_len',
  'instruction_difficulty',
  'not_gamed_baseline',
] as const;

/**
 * Parses and validates AlpacaEval's `df_gamed.csv`. Errors name the file, line and column, so a
 * truncated download or a wrong file is reported as such instead of surfacing as an odd LC.
 */
export function parseGamedData(
  text: string,
  { file = 'df_gamed.csv' }: { file?: string } = {},
): GamedData {
  const records = parseCsv(text, { file });
  const header = records[0]?.fields;
  if (!header) throw new InvalidInputError({ message: 'empty file, expected a CSV header', file });
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) {
      throw new InvalidInputError({
        message: `missing column "${column}"`,
        file,
        line: 1,
        field: column,
      });
    }
  }
  const rows: GamedRow[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length === 1 && record.fields[0] === '') continue;
    if (record.fields.length !== header.length) {
      throw new InvalidInputError({
        message: `expected ${header.length} fields, found ${record.fields.length}`,
        file,
        line: record.line,
      });
    }
    const raw = Object.fromEntries(header.map((name, k) => [name, record.fields[k]]));
    const parsed = gamedRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError({
        message: issue.message,
        file,
        line: record.line,
        field: issue.path.join('.') || undefined,
      });
    }
    const row = parsed.data;
    if (!Number.isFinite(row.std_delta_len) || !Number.isFinite(row.instruction_difficulty)) {
      throw new InvalidInputError({
        message: 'value out of the double range',
        file,
        line: record.line,
      });
    }
    rows.push({
      preference: row.preference,
      index: row.index,
      stdDeltaLen: row.std_delta_len,
      instructionDifficulty: row.instruction_difficulty,
      notGamedBaseline: row.not_gamed_baseline,
    });
  }
  if (rows.length === 0) throw new InvalidInputError({ message: 'no data rows', file });

  const maxIndex = rows.reduce((max, row) => Math.max(max, row.index), 0);
  const difficultyByIndex = new Float64Array(maxIndex + 1).fill(Number.NaN);
  for (const row of rows) {
    // Upstream keeps the first row per index (drop_duplicates), so later rows never override γ.
    if (Number.isNaN(difficultyByIndex[row.index]!))
      difficultyByIndex[row.index] = row.instructionDifficulty;
  }
  return { rows, difficultyByIndex, source: file };
}
