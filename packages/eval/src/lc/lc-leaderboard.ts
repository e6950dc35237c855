import { writeFileAtomic } from '@longform/core';
import type { LcFoldOrder } from './fold-order';
import type { LcWarning } from './lc-warning';

/** One model's row of an AlpacaEval-style LC leaderboard, plus how the LC was obtained. */
export interface LcLeaderboardEntry {
  model: string;
  winRate: number;
  standardError: number;
  nWins: number;
  nWinsBase: number;
  nDraws: number;
  nTotal: number;
  discreteWinRate: number;
  /** AlpacaEval's leaderboard mode column; `community` for results computed here. */
  mode: string;
  averageLength: number;
  lengthControlledWinRate: number;
  lcStandardError: number;
  C: number | null;
  foldOrder: LcFoldOrder;
  coefficients: { length: number; difficulty: number; model: number };
  /** Length counter used for `averageLength` and the length feature. */
  counter: 'countCodePoints';
  source: string;
  warnings: LcWarning[];
}

/** AlpacaEval's leaderboard columns after the (unnamed, index) model-name column, in order. */
export const LC_LEADERBOARD_COLUMNS = [
  'win_rate',
  'standard_error',
  'n_wins',
  'n_wins_base',
  'n_draws',
  'n_total',
  'discrete_win_rate',
  'mode',
  'avg_length',
  'length_controlled_winrate',
  'lc_standard_error',
] as const;

/**
 * The leaderboard as AlpacaEval writes it (pandas `to_csv` with the model name as an unnamed index
 * column), sorted by LC win rate, best first. Numbers use shortest round-trip form like Python's
 * `repr`, so values survive a round trip exactly.
 */
export function formatLcLeaderboardCsv(entries: readonly LcLeaderboardEntry[]): string {
  const sorted = [...entries].sort((a, b) => b.lengthControlledWinRate - a.lengthControlledWinRate);
  const lines = [`,${LC_LEADERBOARD_COLUMNS.join(',')}`];
  for (const e of sorted) {
    lines.push(
      [
        csvField(e.model),
        num(e.winRate),
        num(e.standardError),
        e.nWins,
        e.nWinsBase,
        e.nDraws,
        e.nTotal,
        num(e.discreteWinRate),
        csvField(e.mode),
        e.averageLength,
        num(e.lengthControlledWinRate),
        num(e.lcStandardError),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON form: every entry with its chosen C, fold order, coefficients and warnings. */
export function formatLcLeaderboardJson(entries: readonly LcLeaderboardEntry[]): string {
  const sorted = [...entries].sort((a, b) => b.lengthControlledWinRate - a.lengthControlledWinRate);
  return `${JSON.stringify({ counter: 'countCodePoints', models: sorted.map(jsonSafe) }, null, 2)}\n`;
}

/** Writes the CSV (and, when `jsonPath` is given, the JSON form) atomically. */
export async function writeLcLeaderboard(
  entries: readonly LcLeaderboardEntry[],
  { csvPath, jsonPath }: { csvPath?: string; jsonPath?: string },
): Promise<void> {
  if (csvPath) await writeFileAtomic(csvPath, formatLcLeaderboardCsv(entries));
  if (jsonPath) await writeFileAtomic(jsonPath, formatLcLeaderboardJson(entries));
}

function num(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// JSON has no NaN; null says "not available" without breaking parsers.
function jsonSafe(entry: LcLeaderboardEntry): unknown {
  return JSON.parse(
    JSON.stringify(entry, (_key, value) =>
      typeof value === 'number' && !Number.isFinite(value) ? null : value,
    ),
  );
}
