import { parsePairwiseJudgePrompt, parseQualityJudgePrompt } from '@longform/sim';
import { describe, expect, it } from 'vitest';
import { renderPairwiseJudgePrompt } from './pairwise-judge-prompt';

describe('renderPairwiseJudgePrompt', () => {
  const prompt = renderPairwiseJudgePrompt({
    instruction: 'Compare {{first}} with $INST$.',
    first: 'Answer shown first.\nSecond line.',
    second: 'Answer shown second.',
  });

  it('has the alpaca_eval_clf shape: m/M identifiers with triple-quoted outputs, one-identifier answer', () => {
    expect(prompt).toContain('"instruction": """Compare {{first}} with $INST$.""",');
    expect(prompt).toContain(
      '"model_identifier": "m",\n        "output": """Answer shown first.\nSecond line."""',
    );
    expect(prompt).toContain(
      '"model_identifier": "M",\n        "output": """Answer shown second."""',
    );
    expect(prompt).toMatch(/exactly one of m or M/);
    expect(prompt.trimEnd().endsWith('## Best Model Identifier')).toBe(true);
  });

  it('is recognised by the simulator in presented order', () => {
    expect(parsePairwiseJudgePrompt(prompt)).toEqual({
      first: 'Answer shown first.\nSecond line.',
      second: 'Answer shown second.',
    });
    expect(parseQualityJudgePrompt(prompt)).toBeUndefined();
  });
});
