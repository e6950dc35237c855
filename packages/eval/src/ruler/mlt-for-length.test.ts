import { describe, expect, it } from 'vitest';
import { mltForLength } from './mlt-for-length';
import { formatInterval, mltEntry, rulerCodeScheme, rulerPaperScheme } from './mlt-scheme';

// ruler.md V2 (code windows).
const V2: Array<[number, string | null]> = [
  [0, null],
  [1, null],
  [5, null],
  [6, '[MLT:10]'],
  [10, '[MLT:10]'],
  [15, '[MLT:10]'],
  [16, null],
  [25, null],
  [26, '[MLT:30]'],
  [35, '[MLT:30]'],
  [36, null],
  [45, null],
  [46, '[MLT:50]'],
  [55, '[MLT:50]'],
  [56, null],
  [75, null],
  [76, '[MLT:80]'],
  [85, '[MLT:80]'],
  [86, null],
  [100, null],
  [135, null],
  [136, '[MLT:150]'],
  [144, '[MLT:150]'],
  [145, '[MLT:150]'],
  [150, '[MLT:150]'],
  [155, '[MLT:150]'],
  [156, null],
  [295, null],
  [296, '[MLT:300]'],
  [305, '[MLT:300]'],
  [306, null],
  [495, null],
  [496, '[MLT:500]'],
  [505, '[MLT:500]'],
  [506, null],
  [695, null],
  [696, '[MLT:700]'],
  [705, '[MLT:700]'],
  [706, null],
  [800, null],
  [801, '[MLT:>800]'],
  [5000, '[MLT:>800]'],
];

describe('mltForLength', () => {
  it.each(V2)('ruler-code: %d words → %s', (words, mlt) => {
    expect(mltForLength(words)).toBe(mlt);
    expect(mltForLength(words, rulerCodeScheme)).toBe(mlt);
  });

  it.each([
    [136, null],
    [144, null],
    [145, '[MLT:150]'],
    [154, '[MLT:150]'],
    [155, null],
    [5, '[MLT:10]'],
    [14, '[MLT:10]'],
    [15, null],
    [25, '[MLT:30]'],
    [35, null],
    [695, '[MLT:700]'],
    [705, null],
    [800, null],
    [801, '[MLT:>800]'],
  ] as const)('ruler-paper: %d words → %s (half-open [lo, hi))', (words, mlt) => {
    expect(mltForLength(words, rulerPaperScheme)).toBe(mlt);
  });

  it('spells the nine tokens exactly and describes the windows', () => {
    expect(rulerCodeScheme.entries.map(e => e.token)).toEqual([
      '[MLT:10]',
      '[MLT:30]',
      '[MLT:50]',
      '[MLT:80]',
      '[MLT:150]',
      '[MLT:300]',
      '[MLT:500]',
      '[MLT:700]',
      '[MLT:>800]',
    ]);
    expect(formatInterval(mltEntry('150').label)).toBe('(135, 155]');
    expect(formatInterval(mltEntry('150', rulerPaperScheme).label)).toBe('[145, 155)');
    expect(formatInterval(mltEntry('>800').pm)).toBe('(800, ∞)');
    expect(rulerCodeScheme.entries.map(e => e.level)).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2]);
  });
});
