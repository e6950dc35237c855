import { InvalidInputError } from '@longform/core';
import { z } from 'zod';
import type { LcRow } from './lc-design';

/** One row of the LC conformance set (`conformance/models/<model>.jsonl`). */
export const conformanceRowSchema = z.object({
  i: z.number().int().nonnegative(),
  instr: z.number().int().nonnegative(),
  preference: z.number().nullable(),
  len_1: z.number().int().nonnegative(),
  len_2: z.number().int().nonnegative(),
});

export type ConformanceRow = z.infer<typeof conformanceRowSchema>;

/**
 * Parses conformance JSONL (`{i, instr, preference, len_1, len_2}` per line) into LC rows in file
 * order. Errors name the file and line.
 */
export function parseConformanceRows(text: string, { file }: { file?: string } = {}): LcRow[] {
  const rows: LcRow[] = [];
  text.split('\n').forEach((raw, k) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new InvalidInputError({ message: 'invalid JSON', file, line: k + 1, cause });
    }
    const parsed = conformanceRowSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInputError({
        message: issue.message,
        file,
        line: k + 1,
        field: issue.path.join('.'),
      });
    }
    const row = parsed.data;
    if (row.i !== rows.length) {
      throw new InvalidInputError({
        message: `expected row position ${rows.length}, found ${row.i}`,
        file,
        line: k + 1,
        field: 'i',
      });
    }
    rows.push({
      preference: row.preference,
      baselineLength: row.len_1,
      modelLength: row.len_2,
      instructionIndex: row.instr,
    });
  });
  return rows;
}
