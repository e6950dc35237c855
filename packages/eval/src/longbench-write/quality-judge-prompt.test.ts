import { parsePairwiseJudgePrompt, parseQualityJudgePrompt } from '@longform/sim';
import { describe, expect, it } from 'vitest';
import { QUALITY_DIMENSIONS } from './quality-dimensions';
import { renderQualityJudgePrompt } from './quality-judge-prompt';

describe('renderQualityJudgePrompt', () => {
  const prompt = renderQualityJudgePrompt({
    instruction: 'Write a poem about $INST$ and {{x}}.',
    response: 'Roses are red.',
  });

  it('wraps the request and the response in padded blocks and names all six dimensions', () => {
    expect(prompt).toContain(
      '<User Request>\n\nWrite a poem about $INST$ and {{x}}.\n\n</User Request>',
    );
    expect(prompt).toContain('<Response>\n\nRoses are red.\n\n</Response>');
    for (const d of QUALITY_DIMENSIONS) expect(prompt).toContain(d);
    expect(prompt).toContain(
      '{"Analysis": ..., "Relevance": ..., "Accuracy": ..., "Coherence": ..., "Clarity": ..., "Breadth and Depth": ..., "Reading Experience": ...}',
    );
    expect(prompt).toMatch(/Be as strict as possible/);
    expect(prompt).toMatch(/length requirement/);
    expect(prompt).toMatch(/exactly one integer from 1 to 5/);
  });

  it('is recognised by the simulator, which reads the response back', () => {
    expect(parseQualityJudgePrompt(prompt)?.response.trim()).toBe('Roses are red.');
    expect(parsePairwiseJudgePrompt(prompt)).toBeUndefined();
  });
});
