import { describe, expect, it } from 'vitest';
import { aggregateTlg, aggregateTlgCounts, type TlgTargetCounts } from './aggregate-tlg';
import { formatFixed2 } from './format-percent';
import type { MltTarget } from './mlt-scheme';

// ruler.md V4.
const V4: Array<[string, number]> = [
  ['10', 15],
  ['10', 25],
  ['30', 0],
  ['80', 65],
  ['80', 85],
  ['150', 160],
  ['150', 99],
  ['300', 350],
  ['500', 610],
  ['700', 700],
  ['700', 780],
  ['>800', 801],
  ['>800', 650],
];

describe('aggregateTlg (V4)', () => {
  const report = aggregateTlg(V4.map(([target, words]) => ({ target, words })));

  it('pools each level and All Level over items', () => {
    expect(report.counter).toBe('countWordsRuler');
    expect(report.byLevel['Level:0']).toMatchObject({ n: 5, pmHits: 2, fmHits: 3, pm: 40, fm: 60 });
    expect(report.byLevel['Level:1']).toMatchObject({ n: 4, pmHits: 1, fmHits: 2, pm: 25, fm: 50 });
    expect(report.byLevel['Level:2']).toMatchObject({ n: 4, pmHits: 2, fmHits: 3, pm: 50, fm: 75 });
    expect(report.all).toMatchObject({ n: 13, pmHits: 5, fmHits: 8 });
    expect(formatFixed2(report.all.pm)).toBe('38.46');
    expect(formatFixed2(report.all.fm)).toBe('61.54');
  });

  it('reports the macro mean separately (38.33 is not the parity value)', () => {
    expect(formatFixed2(report.macro.pm)).toBe('38.33');
  });

  it('keeps raw in/out counts per target', () => {
    expect(report.byTarget['80']).toMatchObject({ pmIn: 1, pmOut: 1, fmIn: 2, fmOut: 0 });
    expect(report.byTarget['>800']).toMatchObject({ pmIn: 1, pmOut: 1, fmIn: 1, fmOut: 1 });
  });

  it('computes MAE/RMSE/signed error excluding >800', () => {
    const l0 = report.errors!['Level:0']!;
    expect(l0.n).toBe(5);
    expect(l0.mae).toBe(14);
    expect(l0.rmse).toBe(Math.sqrt(280));
    expect(l0.meanSignedError).toBe(-4);
    expect(report.errors!.overall!.n).toBe(11);
    expect(report.errors!['Level:2']!.n).toBe(2);
  });

  it('computes the exact-match rate', () => {
    const r = aggregateTlg([
      { target: '30', words: 30 },
      { target: '30', words: 31 },
      { target: '10', words: 10 },
      { target: '>800', words: 900 },
    ]);
    expect(r.errors!.overall!.exactMatchRate).toBeCloseTo((2 / 3) * 100, 12);
  });

  it('counts outputs with countWordsRuler when given text', () => {
    const r = aggregateTlg([{ target: '10', output: "Don't stop—now, it's state-of-the-art." }]);
    expect(r.byTarget['10']).toMatchObject({ pmIn: 1 });
    expect(r.errors!.overall!.meanSignedError).toBe(0); // 10 words by \w+: Don, t, stop, now, it, s, state, of, the, art
  });

  it('names bad records', () => {
    expect(() => aggregateTlg([{ target: '800', words: 3 }])).toThrow(
      /record 1: unknown TLG target "800"/,
    );
    expect(() => aggregateTlg([])).toThrow(/no TLG items/);
  });
});

// ruler.md V7: re-aggregation from published counts, to the published 2-decimal values.
const V7: Record<
  string,
  { counts: Array<[MltTarget, number, number, number, number]>; expected: string[] }
> = {
  'Ruler+Llama-3-8B': {
    counts: [
      ['10', 179, 39, 179, 39],
      ['30', 171, 44, 171, 44],
      ['50', 188, 61, 188, 61],
      ['80', 159, 61, 190, 30],
      ['150', 142, 54, 183, 13],
      ['300', 113, 124, 221, 16],
      ['500', 78, 145, 146, 77],
      ['700', 16, 214, 32, 198],
      ['>800', 69, 143, 69, 143],
    ],
    expected: ['77.27', '80.71', '50.76', '83.84', '19.23', '22.85', '55.75', '68.95'],
  },
  'gpt-4o': {
    counts: [
      ['10', 182, 36, 182, 36],
      ['30', 173, 42, 173, 42],
      ['50', 177, 72, 177, 72],
      ['80', 136, 84, 181, 39],
      ['150', 118, 78, 174, 22],
      ['300', 37, 200, 169, 68],
      ['500', 57, 166, 112, 111],
      ['700', 106, 124, 149, 81],
      ['>800', 169, 43, 169, 43],
    ],
    expected: ['74.06', '79.05', '32.32', '69.36', '62.22', '71.95', '57.75', '74.30'],
  },
};

describe('aggregateTlgCounts (V7)', () => {
  it.each(Object.entries(V7))(
    '%s re-aggregates to the published table',
    (_model, { counts, expected }) => {
      const input: Partial<Record<MltTarget, TlgTargetCounts>> = {};
      for (const [target, pmIn, pmOut, fmIn, fmOut] of counts)
        input[target] = { pmIn, pmOut, fmIn, fmOut };
      const r = aggregateTlgCounts(input);
      const printed = [
        r.byLevel['Level:0']!,
        r.byLevel['Level:1']!,
        r.byLevel['Level:2']!,
        r.all,
      ].flatMap(s => [formatFixed2(s.pm), formatFixed2(s.fm)]);
      expect(printed).toEqual(expected);
      expect(r.all.n).toBe(2000);
      expect([r.byLevel['Level:0']!.n, r.byLevel['Level:1']!.n, r.byLevel['Level:2']!.n]).toEqual([
        902, 656, 442,
      ]);
    },
  );

  it('rejects counts whose PM and FM totals disagree', () => {
    expect(() => aggregateTlgCounts({ '10': { pmIn: 1, pmOut: 1, fmIn: 1, fmOut: 0 } })).toThrow(
      /field "10"/,
    );
  });
});

describe('formatFixed2', () => {
  it('rounds exact ties to even like Python, otherwise like toFixed', () => {
    expect(formatFixed2(12.125)).toBe('12.12');
    expect(formatFixed2(12.375)).toBe('12.38');
    expect(formatFixed2(0.625)).toBe('0.62');
    expect(formatFixed2(0.875)).toBe('0.88');
    expect(formatFixed2(38.46153846153846)).toBe('38.46');
    expect(formatFixed2(100)).toBe('100.00');
    expect(formatFixed2(1.005)).toBe('1.00'); // not a tie: 1.005 is stored below the midpoint
  });
});
