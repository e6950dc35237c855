import { describe, expect, it } from 'vitest';
import { pairwiseJudgeProbability, parsePairwiseJudgePrompt } from './pairwise-judge';
import { formatQualityTag } from './quality-tag';

const judge = { lengthBias: 0.7, qualityWeight: 6, noise: 0.3 };

describe('pairwiseJudgeProbability', () => {
  it('implements sigmoid(k·Δq + bias·tanh(ln((L1+1)/(L2+1))) + noise·z)', () => {
    const first = `${formatQualityTag(0.8)}\n\n${'a'.repeat(99)}`;
    const second = `${formatQualityTag(0.5)}\n\n${'b'.repeat(49)}`;
    const logit = 6 * (0.8 - 0.5) + 0.7 * Math.tanh(Math.log(100 / 50)) + 0.3 * 1.5;
    expect(pairwiseJudgeProbability({ first, second, judge, z: 1.5 })).toBeCloseTo(
      1 / (1 + Math.exp(-logit)),
      12,
    );
  });

  it('is 0.5 for equal untagged outputs without noise, and symmetric', () => {
    expect(pairwiseJudgeProbability({ first: 'same', second: 'same', judge })).toBe(0.5);
    const p = pairwiseJudgeProbability({ first: 'short', second: 'a much longer answer', judge });
    const q = pairwiseJudgeProbability({ first: 'a much longer answer', second: 'short', judge });
    expect(p + q).toBeCloseTo(1, 12);
    expect(q).toBeGreaterThan(0.5);
  });
});

describe('parsePairwiseJudgePrompt', () => {
  it('reads both outputs by identifier and ignores other prompts', () => {
    const prompt = `{ "model_identifier": "M", "output": """second""" }, { "model_identifier": "m", "output": """first\nline""" }`;
    expect(parsePairwiseJudgePrompt(prompt)).toEqual({ first: 'first\nline', second: 'second' });
    expect(parsePairwiseJudgePrompt('Write 300 words.')).toBeUndefined();
  });
});
