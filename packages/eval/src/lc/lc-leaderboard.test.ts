import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlpacaEvalAnnotationSet } from './alpaca-eval-annotations';
import { evaluateLcLeaderboardEntry } from './evaluate-lc-leaderboard-entry';
import {
  formatLcLeaderboardCsv,
  formatLcLeaderboardJson,
  writeLcLeaderboard,
} from './lc-leaderboard';
import { loadConformanceModel, loadExpected, loadTestGamedData } from './lc-test-fixtures';
import { parseCsv } from './parse-csv';

const gamed = loadTestGamedData();
const expected = Object.fromEntries(loadExpected().map(row => [row.model!, row]));

function annotationSet(
  model: string,
  generator: string,
  baseline = 'gpt4_1106_preview',
): AlpacaEvalAnnotationSet {
  const rows = loadConformanceModel(model);
  return {
    model,
    generator,
    baseline,
    annotator: 'weighted_alpaca_eval_gpt4_turbo',
    rows,
    averageLength: Math.trunc(rows.reduce((s, r) => s + r.modelLength, 0) / rows.length),
    source: `${model}.jsonl`,
  };
}

describe('LC leaderboard', () => {
  const entries = [
    evaluateLcLeaderboardEntry(annotationSet('gpt4_gamed', 'gpt4_gamed'), {
      gamed,
      foldOrder: 'legacy',
    }),
    evaluateLcLeaderboardEntry(annotationSet('gpt4_1106_preview', 'gpt4_1106_preview'), { gamed }),
  ];

  it('evaluates raw + LC per model, with the baseline detected from the generators', () => {
    const [gamedEntry, baselineEntry] = entries as [(typeof entries)[0], (typeof entries)[0]];
    expect(gamedEntry.nTotal).toBe(805);
    expect(gamedEntry.C).toBe(166.81005372000556);
    expect(
      Math.abs(
        gamedEntry.lengthControlledWinRate - Number(expected.gpt4_gamed!.length_controlled_winrate),
      ),
    ).toBeLessThan(1e-9);
    expect(gamedEntry.averageLength).toBe(68);
    expect(gamedEntry.warnings).toEqual([]);
    expect(baselineEntry.lengthControlledWinRate).toBe(50);
    expect(baselineEntry.C).toBeNull();
  });

  it('writes AlpacaEval column names, model name first, sorted by LC, round-trippable numbers', () => {
    const csv = formatLcLeaderboardCsv(entries);
    const [header, first, second] = parseCsv(csv);
    expect(header!.fields).toEqual([
      '',
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
    ]);
    expect(first!.fields[0]).toBe('gpt4_1106_preview');
    expect(second!.fields[0]).toBe('gpt4_gamed');
    expect(Number(second!.fields[1])).toBe(entries[0]!.winRate);
    expect(Number(second!.fields[10])).toBe(entries[0]!.lengthControlledWinRate);
    expect(second!.fields[8]).toBe('community');
  });

  it('JSON form carries C, fold order, coefficients and warnings, with NaN as null', () => {
    const json = JSON.parse(
      formatLcLeaderboardJson([
        ...entries,
        { ...entries[1]!, model: 'x', standardError: Number.NaN },
      ]),
    );
    expect(json.counter).toBe('countCodePoints');
    const gamedJson = json.models.find((m: { model: string }) => m.model === 'gpt4_gamed');
    expect(gamedJson).toMatchObject({ C: 166.81005372000556, foldOrder: 'legacy' });
    expect(gamedJson.coefficients.length).toBeLessThan(0);
    expect(json.models.find((m: { model: string }) => m.model === 'x').standardError).toBeNull();
  });

  it('writes both files atomically (no temp files left behind)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lc-board-'));
    await writeLcLeaderboard(entries, {
      csvPath: join(dir, 'board.csv'),
      jsonPath: join(dir, 'board.json'),
    });
    expect((await readdir(dir)).sort()).toEqual(['board.csv', 'board.json']);
    expect(await readFile(join(dir, 'board.csv'), 'utf8')).toBe(formatLcLeaderboardCsv(entries));
  });
});
