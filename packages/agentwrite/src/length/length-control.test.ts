import { describe, expect, it } from 'vitest';
import { decideControlAction } from './control-action';
import { createLengthCalibrator } from './length-calibrator';
import { trimToLength } from './trim-to-length';

const words = (s: string) => (s.match(/[A-Za-z]+/g) ?? []).length;
const para = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ') + '.';

describe('decideControlAction', () => {
  const tolerance = { under: 0.1, over: 0.1 };
  it.each([
    [1000, 1000, 'accept'],
    [901, 1000, 'accept'],
    [1099, 1000, 'accept'],
    [700, 1000, 'continue'],
    [1400, 1000, 'shorten'],
  ])('%i of %i → %s', (actual, target, kind) => {
    expect(decideControlAction(actual, target, tolerance).kind).toBe(kind);
  });
  it('states the missing and excess amounts', () => {
    expect(decideControlAction(700, 1000, tolerance)).toEqual({ kind: 'continue', missing: 300 });
    expect(decideControlAction(1400, 1000, tolerance)).toEqual({ kind: 'shorten', excess: 400 });
  });
});

describe('trimToLength', () => {
  it('cuts at the paragraph boundary closest to the target', () => {
    const text = ['## Heading', para(100), para(100), para(100), para(100)].join('\n\n');
    const result = trimToLength(text, 290, words);
    expect(result).toMatchObject({ count: 301, boundary: 'paragraph' });
    expect(result!.text.endsWith(para(100))).toBe(true);
    expect(result!.text.split('\n\n')).toHaveLength(4);
  });

  it('never keeps only the heading', () => {
    const text = ['## Heading', Array.from({ length: 8 }, () => para(50)).join(' ')].join('\n\n');
    const result = trimToLength(text, 100, words);
    expect(result).toMatchObject({ boundary: 'sentence', count: 101 });
    expect(result!.text.startsWith('## Heading\n\nword')).toBe(true);
  });

  it('falls back to sentence boundaries inside one long paragraph', () => {
    const text = Array.from({ length: 10 }, () => para(20)).join(' ');
    const result = trimToLength(text, 100, words);
    expect(result).toMatchObject({ count: 100, boundary: 'sentence' });
    expect(result!.text.endsWith('.')).toBe(true);
  });

  it('cuts Chinese text at 。', () => {
    const text = '这是第一句话。这是第二句话。这是第三句话。这是第四句话。';
    const cjk = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
    expect(trimToLength(text, 12, cjk)).toMatchObject({
      text: '这是第一句话。这是第二句话。',
      count: 12,
    });
  });

  it('returns undefined when no cut helps', () => {
    expect(trimToLength(para(100), 100, words)).toBeUndefined();
  });
});

describe('createLengthCalibrator', () => {
  it('asks for more from a model that writes short, and less from one that writes long', () => {
    const under = createLengthCalibrator();
    expect(under.requestFor(1000)).toBe(1000);
    under.observe(1000, 700);
    under.observe(500, 350);
    expect(under.ratio).toBeCloseTo(0.7);
    expect(under.requestFor(700)).toBe(1000);
    const over = createLengthCalibrator();
    over.observe(1000, 1400);
    expect(over.requestFor(1400)).toBe(1000);
  });
  it('clamps wild ratios and ignores empty samples', () => {
    const c = createLengthCalibrator();
    c.observe(1000, 0);
    expect(c.ratio).toBe(1);
    c.observe(100, 10_000);
    expect(c.ratio).toBe(2);
  });
});
