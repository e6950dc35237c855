import { describe, expect, it } from 'vitest';
import {
  formatQualityJudgeReply,
  parseQualityJudgePrompt,
  qualityJudgeDimensions,
  qualityJudgeScores,
} from './quality-judge';
import { formatQualityTag } from './quality-tag';
import { createRng } from './random';

describe('quality judge', () => {
  it('finds the response block only in prompts naming all six dimensions', () => {
    const dims = qualityJudgeDimensions.join(', ');
    expect(parseQualityJudgePrompt(`${dims}\n<Response>\n\nbody\n\n</Response>`)).toEqual({
      response: '\n\nbody\n\n',
    });
    expect(parseQualityJudgePrompt('Relevance only <Response>x</Response>')).toBeUndefined();
    expect(parseQualityJudgePrompt(dims)).toBeUndefined();
  });

  it('scores clamp(round(1 + 4q + noise·z), 1, 5)', () => {
    const rng = createRng(1);
    expect(
      Object.values(qualityJudgeScores({ response: formatQualityTag(0.6), noise: 0, rng })),
    ).toEqual(Array(6).fill(3));
    expect(Object.values(qualityJudgeScores({ response: 'untagged', noise: 0, rng }))).toEqual(
      Array(6).fill(3),
    );
    expect(
      Object.values(qualityJudgeScores({ response: formatQualityTag(0.9), noise: 0, rng })),
    ).toEqual(Array(6).fill(5));
    const noisy = Object.values(
      qualityJudgeScores({ response: formatQualityTag(0.5), noise: 5, rng }),
    );
    expect(noisy.every(v => Number.isInteger(v) && v >= 1 && v <= 5)).toBe(true);
  });

  it('replies with an analysis and the upstream JSON keys in a json fence', () => {
    const scores = qualityJudgeScores({
      response: formatQualityTag(1),
      noise: 0,
      rng: createRng(2),
    });
    const reply = formatQualityJudgeReply(scores);
    const json = JSON.parse(/```json\n(.*?)\n```/s.exec(reply)![1]!) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['Analysis', ...qualityJudgeDimensions]);
    expect(JSON.parse(formatQualityJudgeReply(scores, { fenced: false }))).toEqual(json);
  });
});
