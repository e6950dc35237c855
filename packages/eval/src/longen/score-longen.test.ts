import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLonGen } from './load-longen';
import { type LonGenInput, scoreLonGen } from './score-longen';

// self-lengthen.md §11.1 "List input": one file, 8 items, 2 per type.
const LIST: LonGenInput[] = [
  { type: 'about', constraint: 'around 3000 words', response: 'w '.repeat(2700) },
  { type: 'about', constraint: '大约6000字', response: '字'.repeat(3000) },
  { type: 'range', constraint: '2000-3000 words', response: 'w '.repeat(3300) },
  { type: 'range', constraint: '4000字至6000字', response: '字'.repeat(3500) },
  { type: 'above', constraint: 'more than 5000 words', response: 'w '.repeat(4000) },
  { type: 'above', constraint: '大于2000字', response: '字'.repeat(3100) },
  { type: 'below', constraint: 'less than 8000 words', response: 'w '.repeat(8800) },
  { type: 'below', constraint: '小于3000字', response: '字，'.repeat(1000) },
];

describe('scoreLonGen', () => {
  it('reproduces the 8-item list vector (per-type means and Overall)', () => {
    const report = scoreLonGen(LIST);
    expect(report.counter).toBe('countWordsSelfLengthen');
    expect(report.items.map(i => i.length)).toEqual([
      2700, 3000, 3300, 3500, 4000, 3100, 8800, 2000,
    ]);
    expect(report.items.map(i => i.score)).toEqual([
      1, 0.25, 0.7999999999999998, 0.75, 0.6000000000000001, 0.9333333333333331, 0.7999999999999998,
      1,
    ]);
    expect(report.byType.about).toEqual({ n: 2, score: 0.625 });
    expect(report.byType.range).toEqual({ n: 2, score: 0.7749999999999999 });
    expect(report.byType.above).toEqual({ n: 2, score: 0.7666666666666666 });
    expect(report.byType.below).toEqual({ n: 2, score: 0.8999999999999999 });
    expect(report.overall).toEqual({ n: 8, score: 0.7666666666666666 });
    const printed = Object.fromEntries(
      Object.entries(report.byType).map(([k, v]) => [k, v!.score.toFixed(6)]),
    );
    expect(printed).toEqual({
      about: '0.625000',
      range: '0.775000',
      above: '0.766667',
      below: '0.900000',
    });
  });

  it('omits types with no items (vector 33: upstream divides by zero)', () => {
    const report = scoreLonGen(LIST.slice(0, 2));
    expect(Object.keys(report.byType)).toEqual(['about']);
    expect(report.overall.score).toBe(0.625);
  });

  it('scores the constraints upstream crashes on (vectors 30, 31)', () => {
    const report = scoreLonGen([
      { type: 'range', constraint: '4,000-6,000 words', response: 'w '.repeat(5000) },
      { type: 'about', constraint: '大约三千字', response: 'w '.repeat(3000) },
    ]);
    expect(report.items.map(i => i.score)).toEqual([1, 1]);
  });

  it('names the row of a non-string response (vector 32) or an unknown type', () => {
    expect(() =>
      scoreLonGen([
        LIST[0]!,
        { type: 'about', constraint: 'around 2000 words', response: ['a', 'b'] },
      ]),
    ).toThrow('field "response": row 2: response must be a string, got an array');
    expect(() =>
      scoreLonGen([{ type: 'exact', constraint: '2000 words', response: 'x', line: 7 }], {
        file: 'lg.jsonl',
      }),
    ).toThrow('lg.jsonl, line 7, field "type": unknown LonGen type "exact"');
    expect(() => scoreLonGen([])).toThrow(/no LonGen items/);
  });

  it('loads a LonGen file and names the line of a bad row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'longen-'));
    try {
      const good = join(dir, 'good.jsonl');
      await writeFile(
        good,
        `${LIST.map(i => JSON.stringify({ ...i, query: 'q', language: 'en' })).join('\n')}\n`,
      );
      const rows = await loadLonGen(good);
      expect(scoreLonGen(rows).overall.score).toBe(0.7666666666666666);
      const bad = join(dir, 'bad.jsonl');
      await writeFile(
        bad,
        `${JSON.stringify(LIST[0])}\n${JSON.stringify({ ...LIST[0], response: 42 })}\n`,
      );
      await expect(loadLonGen(bad)).rejects.toThrow(/bad\.jsonl, line 2, field "response"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
