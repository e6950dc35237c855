import { describe, expect, it } from 'vitest';
import { detectPlanTotal, isAgentWritePlanPrompt, splitPlanTargets } from './agentwrite-plan';
import { createRng } from './random';

describe('splitPlanTargets', () => {
  it('sums exactly to the total with every section in [200, 1000]', () => {
    for (let total = 200; total <= 30000; total += 311) {
      const targets = splitPlanTargets(total, createRng(total));
      expect(targets.reduce((a, b) => a + b, 0)).toBe(total);
      for (const t of targets) {
        expect(t).toBeGreaterThanOrEqual(200);
        expect(t).toBeLessThanOrEqual(1000);
      }
    }
  });

  it('uses round numbers for round totals and one section for tiny totals', () => {
    expect(splitPlanTargets(5000, createRng(1)).every(t => t % 50 === 0)).toBe(true);
    expect(splitPlanTargets(150, createRng(1))).toEqual([150]);
  });
});

describe('plan prompts', () => {
  it('ignores the template example counts when reading the total', () => {
    const prompt =
      'Break down the instruction into subtasks.\n\nWrite a 3000-word essay.\n\nParagraph 1 - Main Point: [the main point] - Word Count: [Word count requirement, e.g., 400 words]\n\nEach paragraph should be no less than 200 words and no more than 1000 words.';
    expect(isAgentWritePlanPrompt(prompt)).toBe(true);
    expect(detectPlanTotal(prompt)).toMatchObject({ value: 3000 });
  });
});
