import { describe, expect, it } from 'vitest';
import { aggregateSgm, SgmUpstreamError, scoreSgm, scoreSgmUpstream } from './score-sgm';

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');

describe('SGM scoring (V5)', () => {
  it.each([
    ['[MLT:150]', 150, '150', 150, true, 150, true],
    ['[MLT:30]', 40, '30', 40, true, 40, true],
    ['[MLT:>800]', 799, '>800', 801, true, 799, false],
  ] as const)('%s + %d words', (mlt, n, target, upWords, upHit, fixedWords, fixedHit) => {
    const output = `${mlt} ${words(n)}`;
    expect(scoreSgmUpstream(output)).toMatchObject({ target, words: upWords, fmHit: upHit });
    expect(scoreSgm(output)).toEqual({ status: 'ok', target, words: fixedWords, fmHit: fixedHit });
  });

  it('fixed scorer: a missing MLT is reported, not a crash; upstream crashes', () => {
    expect(scoreSgm('Just an answer.')).toEqual({ status: 'missing-mlt', words: 3 });
    expect(() => scoreSgmUpstream('Just an answer.')).toThrow(SgmUpstreamError);
  });

  it('fixed scorer: only a leading MLT counts; every MLT is stripped before counting', () => {
    expect(scoreSgm('Sure! [MLT:30] text')).toEqual({ status: 'missing-mlt', words: 2 });
    expect(scoreSgm('[MLT:10] a b [MLT:>800] c')).toEqual({
      status: 'ok',
      target: '10',
      words: 3,
      fmHit: true,
    });
    expect(scoreSgm('[MLT:42] a b')).toEqual({ status: 'unknown-mlt', mlt: '[MLT:42]', words: 2 });
  });

  it('upstream: cuts to the first MLT when "MLT" occurs more than once and tallies every MLT seen', () => {
    const item = scoreSgmUpstream('Intro [MLT:30] a b [MLT:10] c');
    expect(item.target).toBe('30');
    expect(item.mltsSeen).toEqual(['10', '30']);
    expect(item.words).toBe(3);
  });

  it('aggregates counts, FM and average words in both modes', () => {
    const outputs = [
      `[MLT:150] ${words(150)}`,
      `[MLT:30] ${words(40)}`,
      `[MLT:>800] ${words(799)}`,
    ];
    const fixed = aggregateSgm([...outputs, 'no mlt here']);
    expect(fixed.counter).toBe('countWordsRuler');
    expect(fixed.mltCounts).toMatchObject({ '150': 1, '30': 1, '>800': 1, '10': 0 });
    expect(fixed.missingMlt).toBe(1);
    expect(fixed.fm).toBe(50);
    expect(fixed.avgWords).toBe((150 + 40 + 799 + 3) / 4);
    const upstream = aggregateSgm(outputs, { mode: 'upstream' });
    expect(upstream.fm).toBe(100);
    expect(upstream.avgWords).toBe((150 + 40 + 801) / 3);
  });
});
