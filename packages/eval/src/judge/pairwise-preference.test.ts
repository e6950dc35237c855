import { describe, expect, it } from 'vitest';
import { JudgeParseError } from './judge-parse-error';
import { pairwisePreference } from './pairwise-preference';
import { isSwapped } from './position-swap';

const lp = (pm: number, pM: number) => [
  { token: 'm', logprob: Math.log(pm) },
  { token: 'M', logprob: Math.log(pM) },
  { token: 'The', logprob: Math.log(0.001) },
];

describe('pairwisePreference', () => {
  it('uses 2 − P(m)/(P(m)+P(M)) from top logprobs, ignoring other tokens', () => {
    const { preference, source } = pairwisePreference(
      { text: 'm', topLogprobs: lp(0.6, 0.2) },
      { swapped: false },
    );
    expect(source).toBe('logprobs');
    expect(preference).toBeCloseTo(2 - 0.6 / 0.8, 14);
  });

  it('undoes a swap with 3 − x', () => {
    const straight = pairwisePreference(
      { text: 'm', topLogprobs: lp(0.7, 0.3) },
      { swapped: false },
    ).preference;
    const swapped = pairwisePreference(
      { text: 'm', topLogprobs: lp(0.7, 0.3) },
      { swapped: true },
    ).preference;
    expect(straight).toBeCloseTo(1.3, 14);
    expect(swapped).toBeCloseTo(1.7, 14);
    expect(straight + swapped).toBeCloseTo(3, 14);
  });

  it('treats a missing identifier as probability 0 and survives extreme logprobs', () => {
    expect(
      pairwisePreference(
        { text: 'M', topLogprobs: [{ token: 'M', logprob: -0.01 }] },
        { swapped: false },
      ).preference,
    ).toBe(2);
    expect(
      pairwisePreference(
        {
          text: 'm',
          topLogprobs: [
            { token: 'm', logprob: -9999 },
            { token: 'M', logprob: -9999 },
          ],
        },
        { swapped: false },
      ).preference,
    ).toBe(1.5);
  });

  it('falls back to the discrete answer when no identifier is among the logprobs', () => {
    const r = pairwisePreference(
      { text: ' M\n', topLogprobs: [{ token: 'Model', logprob: -0.1 }] },
      { swapped: false },
    );
    expect(r).toEqual({ preference: 2, source: 'discrete' });
    expect(pairwisePreference({ text: 'm' }, { swapped: true })).toEqual({
      preference: 2,
      source: 'discrete',
    });
    expect(pairwisePreference({ text: 'M' }, { swapped: true })).toEqual({
      preference: 1,
      source: 'discrete',
    });
  });

  it('throws JudgeParseError on anything but one identifier', () => {
    for (const text of ['Model m', 'mM', '', 'output_1']) {
      expect(() => pairwisePreference({ text }, { swapped: false })).toThrow(JudgeParseError);
    }
  });
});

describe('isSwapped', () => {
  it('is deterministic per (seed, instruction) and roughly balanced', () => {
    const instructions = Array.from({ length: 400 }, (_, i) => `instruction ${i}`);
    const a = instructions.map(i => isSwapped(1, i));
    expect(instructions.map(i => isSwapped(1, i))).toEqual(a);
    const share = a.filter(Boolean).length / a.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
    const other = instructions.map(i => isSwapped(2, i));
    expect(other).not.toEqual(a);
  });
});
