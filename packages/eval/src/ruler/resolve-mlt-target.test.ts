import { describe, expect, it } from 'vitest';
import { constraintTarget, parseLengthConstraint } from './parse-length-constraint';
import { resolveMltTarget } from './resolve-mlt-target';

describe('resolveMltTarget', () => {
  it('exact: only the nine targets', () => {
    expect(resolveMltTarget(300, 'exact')).toMatchObject({ target: '300', token: '[MLT:300]' });
    expect(resolveMltTarget('>800', 'exact').target).toBe('>800');
    expect(() => resolveMltTarget(120, 'exact')).toThrow(
      /field "target": target 120 is not one of Ruler's targets/,
    );
  });

  it.each([
    [120, '150'],
    [100, '80'],
    [101, '150'],
    [5, '10'],
    [801, '>800'],
    [10000, '>800'],
  ] as const)('fm-bucket: %d → %s', (n, target) => {
    expect(resolveMltTarget(n, 'fm-bucket').target).toBe(target);
  });

  it.each([
    [120, '150'],
    [100, '80'],
    [20, '30'],
    [225, '300'],
    [224, '150'],
    [760, '700'],
    [801, '>800'],
  ] as const)('nearest-centre: %d → %s', (n, target) => {
    expect(resolveMltTarget(n, 'nearest-centre').target).toBe(target);
  });

  it('returns the windows that define success, and defaults to fm-bucket', () => {
    const resolved = resolveMltTarget(120);
    expect(resolved).toMatchObject({ requested: 120, policy: 'fm-bucket', target: '150' });
    expect(resolved.pm).toMatchObject({ lo: 130, hi: 170 });
    expect(resolved.fm).toMatchObject({ lo: 100, hi: 200 });
  });

  it('rejects non-positive and non-numeric targets', () => {
    expect(() => resolveMltTarget(0)).toThrow(/positive/);
    expect(() => resolveMltTarget('lots')).toThrow(/neither a number/);
    expect(resolveMltTarget('250', 'fm-bucket').target).toBe('300');
  });
});

describe('parseLengthConstraint', () => {
  it.each([
    ['Answer in ~30 words.', { kind: 'about', words: 30 }],
    ['Keep it under 200 words', { kind: 'at-most', max: 199 }],
    ['Write at least 800 words about Rome.', { kind: 'at-least', min: 800 }],
    ['no more than 150 words', { kind: 'at-most', max: 150 }],
    ['more than 800 words', { kind: 'at-least', min: 801 }],
    ['between 100 and 200 words', { kind: 'range', min: 100, max: 200 }],
    ['a 300-500 word summary', { kind: 'range', min: 300, max: 500 }],
    ['exactly 50 words', { kind: 'exact', words: 50, min: 50, max: 50 }],
    ['roughly 1,200 words', { kind: 'about', words: 1200 }],
    ['Write a 500-word essay', { kind: 'about', words: 500 }],
    ['in 2k words', { kind: 'about', words: 2000 }],
    ['The response should have a word count of 150 words.', { kind: 'about', words: 150 }],
  ] as const)('%s', (text, expected) => {
    expect(parseLengthConstraint(text)).toMatchObject(expected);
  });

  it('returns undefined when no word count is stated', () => {
    expect(parseLengthConstraint('Write a short poem.')).toBeUndefined();
    expect(parseLengthConstraint('List 5 items.')).toBeUndefined();
  });

  it('feeds resolveMltTarget', () => {
    const c = parseLengthConstraint('in about 120 words')!;
    expect(resolveMltTarget(constraintTarget(c)).target).toBe('150');
    expect(constraintTarget(parseLengthConstraint('between 100 and 200 words')!)).toBe(150);
  });
});
