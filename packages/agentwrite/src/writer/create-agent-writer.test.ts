import { countWordsLongWriter } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { PlanError } from '../errors/plan-error';
import { SectionWriteError } from '../errors/section-write-error';
import { createAgentWriter } from './create-agent-writer';
import type { StepRequest, StepRunner } from './step-runner';
import type { WriterEvent } from './writer-events';

/** Paragraphs of exactly `n` words (60 per paragraph), deterministic. */
function prose(n: number, seed: number): string {
  const words = ['river', 'stone', 'light', 'harbor', 'signal', 'garden', 'winter', 'thread'];
  const paragraphs: string[] = [];
  let left = n;
  let k = seed;
  while (left > 0) {
    const size = Math.min(left, 60);
    const sentence = Array.from({ length: size }, () => words[k++ % words.length]).join(' ');
    paragraphs.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    left -= size;
  }
  return paragraphs.join('\n\n');
}

const lastNumber = (prompt: string, pattern: RegExp) => {
  const all = [...prompt.matchAll(pattern)];
  return Number(all.at(-1)![1]);
};

/** A stand-in model that writes `ratio` × whatever length it is asked for. */
function fakeRunner(ratio: number, calls: StepRequest[] = []): StepRunner {
  return async request => {
    calls.push(request);
    let text: string;
    if (request.stage === 'plan') {
      const total = lastNumber(request.prompt, /exactly (\d+) words/g);
      const n = Math.max(1, Math.round(total / 500));
      text = `Sure, here is the plan:\n\n${Array.from(
        { length: n },
        (_, i) =>
          `Paragraph ${i + 1} - Title: Part ${i + 1} - Main Point: point ${i + 1} - Word Count: ${Math.round((total * ratio) / n)} words`,
      ).join('\n\n')}\n\nHope this helps!`;
    } else if (request.stage === 'write') {
      const n = lastNumber(request.prompt, /Word Count: (\d+) words/g);
      text = prose(Math.round(n * ratio), calls.length);
    } else if (request.stage === 'continue') {
      text = prose(
        Math.round(lastNumber(request.prompt, /Write (\d+) more words/g) * ratio),
        calls.length,
      );
    } else {
      const n = lastNumber(request.prompt, /Length of the rewritten section: (\d+) words/g);
      text = prose(Math.round(n * ratio), calls.length);
    }
    return {
      text,
      usage: { inputTokens: 10, outputTokens: 20 },
      finishReason: 'stop',
      fromJournal: false,
    };
  };
}

const instruction = 'Write a 3000-word essay about harbors.';

describe('createAgentWriter (controlled)', () => {
  it.each([
    ['compliant', 1],
    ['under', 0.7],
    ['over', 1.4],
  ])('lands within 8 percent of the target with a %s model', async (_, ratio) => {
    const writer = createAgentWriter({ runner: fakeRunner(ratio) });
    const result = await writer.write({ instruction });
    expect(result.targetWords).toBe(3000);
    expect(result.totalWords).toBe(countWordsLongWriter(result.document));
    expect(Math.abs(result.totalWords / 3000 - 1)).toBeLessThan(0.08);
    expect(result.plan.sections.reduce((n, s) => n + s.targetWords, 0)).toBe(3000);
  });

  it('continues short sections and trims long ones, journaling every attempt', async () => {
    const under = await createAgentWriter({ runner: fakeRunner(0.7), calibrate: false }).write({
      instruction,
    });
    // 0.7× then 0.7 × 0.3 more = 0.91×, still short of 0.92×: a second continuation (the
    // heading line adds one word).
    expect(under.sections[0]!.attempts.map(a => a.kind)).toEqual(['write', 'continue', 'continue']);
    expect(under.sections[0]!.attempts.map(a => a.after)).toEqual([351, 455, 486]);
    const over = await createAgentWriter({ runner: fakeRunner(1.4), calibrate: false }).write({
      instruction,
    });
    expect(over.sections[0]!.attempts.map(a => a.kind)).toContain('trim');
    for (const s of over.sections)
      expect(s.actualWords).toBeLessThanOrEqual(Math.ceil(s.adjustedWords * 1.08));
  });

  it('puts the section request after the plan and the text, and emits typed events in order', async () => {
    const calls: StepRequest[] = [];
    const events: WriterEvent['type'][] = [];
    const result = await createAgentWriter({ runner: fakeRunner(1, calls) }).write({
      instruction,
      onEvent: e => {
        if (e.type !== 'text-delta') events.push(e.type);
      },
    });
    const write = calls.find(c => c.stage === 'write' && c.step === 'section-2')!;
    expect(write.prompt.indexOf('Writing instruction:')).toBeLessThan(
      write.prompt.indexOf('The plan of the whole document:'),
    );
    expect(
      write.prompt.trimEnd().endsWith(`Word Count: ${result.sections[1]!.adjustedWords} words`),
    ).toBe(true);
    expect(events[0]).toBe('plan-ready');
    expect(events.at(-1)).toBe('document-done');
    expect(events.filter(e => e === 'section-done')).toHaveLength(result.sections.length);
  });

  it('assembles one document with a ## heading per section and no plan text', async () => {
    const result = await createAgentWriter({ runner: fakeRunner(1) }).write({ instruction });
    const headings = result.document.match(/^## .+$/gm) ?? [];
    expect(headings).toEqual(result.plan.sections.map(s => `## ${s.title}`));
    expect(result.document).not.toMatch(/Main Point|Word Count|Paragraph \d/);
  });

  it('uses a supplied plan and the --words override', async () => {
    const calls: StepRequest[] = [];
    const result = await createAgentWriter({ runner: fakeRunner(1, calls) }).write({
      instruction: 'Write about harbors.',
      targetWords: 1200,
      plan: {
        version: 1,
        instruction: 'Write about harbors.',
        targetWords: 1000,
        unit: 'words',
        sections: [
          { title: 'One', mainPoint: 'a', targetWords: 600 },
          { title: 'Two', mainPoint: 'b', targetWords: 600 },
        ],
      },
    });
    expect(calls.some(c => c.stage === 'plan')).toBe(false);
    expect(result.targetWords).toBe(1200);
  });

  it('throws typed errors: an empty answer, a failure stub, a plan with no lines', async () => {
    const empty: StepRunner = async r =>
      r.stage === 'plan'
        ? fakeRunner(1)(r)
        : { text: 'Max tries. Failed.', usage: {}, finishReason: 'stop', fromJournal: false };
    await expect(createAgentWriter({ runner: empty }).write({ instruction })).rejects.toThrow(
      SectionWriteError,
    );
    const noPlan: StepRunner = async () => ({
      text: 'I cannot help.',
      usage: {},
      finishReason: 'stop',
      fromJournal: false,
    });
    await expect(createAgentWriter({ runner: noPlan }).plan({ instruction })).rejects.toThrow(
      PlanError,
    );
  });

  it('rejects bad options naming the field', () => {
    expect(() =>
      createAgentWriter({ runner: fakeRunner(1), sectionBounds: { min: 900, max: 100 } }),
    ).toThrow(/sectionBounds/);
  });
});

describe('createAgentWriter (faithful)', () => {
  it('uses LongWriter parameters: no controller, full context, temperature 1, 4096 tokens', async () => {
    const calls: StepRequest[] = [];
    const runner: StepRunner = async r => {
      calls.push(r);
      if (r.stage === 'plan') {
        return {
          text: 'Paragraph 1 - Main Point: A - Word Count: 400 words\n\nParagraph 2 - Main Point: B - Word Count: 600 words',
          usage: {},
          finishReason: 'stop',
          fromJournal: false,
        };
      }
      return {
        text: prose(300, calls.length),
        usage: {},
        finishReason: 'stop',
        fromJournal: false,
      };
    };
    const result = await createAgentWriter({ runner, mode: 'faithful' }).write({
      instruction: 'Write 1000 words on A and B.',
    });
    expect(calls.every(c => c.temperature === 1 && c.maxOutputTokens === 4096)).toBe(true);
    expect(calls.map(c => c.stage)).toEqual(['plan', 'write', 'write']);
    const second = calls[2]!.prompt;
    expect(second).toContain(prose(300, 2));
    expect(second).toMatch(
      /continue writing Paragraph 2 - Main Point: B - Word Count: 600 words\. /,
    );
    expect(result.totalWords).toBe(600);
  });
});

describe('createAgentWriter under injected faults', () => {
  it('completes, or fails with a typed error, with 20 % faults (429, 500, hang, cut, malformed)', async () => {
    const { createSim } = await import('@longform/sim');
    const { createModelStepRunner } = await import('./create-model-step-runner');
    const outcomes: string[] = [];
    let faults = 0;
    let cutOrHung = 0;
    let requests = 0;
    // Runs until 60 requests have been made (each draws its fault independently).
    for (let seed = 1; requests < 60; seed++) {
      const sim = createSim({
        seed,
        profile: 'noisy',
        faults: {
          rate429: 0.04,
          rate500: 0.04,
          rateHang: 0.04,
          rateTruncate: 0.04,
          rateMalformed: 0.04,
          retryAfterSeconds: 0,
        },
      });
      const writer = createAgentWriter({
        runner: createModelStepRunner(sim('sim'), { maxRetries: 0, maxTries: 6, timeoutMs: 150 }),
      });
      try {
        const result = await writer.write({
          instruction: 'Write a 3000-word essay on tide mills.',
        });
        expect(result.document).not.toMatch(/Max tries|error/i);
        expect(Math.abs(result.totalWords / 3000 - 1)).toBeLessThan(0.1);
        outcomes.push('ok');
      } catch (error) {
        expect(PlanError.isInstance(error) || SectionWriteError.isInstance(error)).toBe(true);
        outcomes.push((error as Error).name);
      }
      const stats = sim.stats().faults;
      faults += stats.total;
      requests += sim.stats().requests;
      cutOrHung += stats.hang + stats.truncate + stats.malformed;
    }
    expect(outcomes).toContain('ok');
    expect(faults).toBeGreaterThanOrEqual(3);
    expect(cutOrHung).toBeGreaterThanOrEqual(2);
  });
});
