import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { estimateTokens } from './estimate-tokens';
import { countSimUnits } from './generate-prose';
import { generateSimResponse, type SimRequest } from './generate-sim-response';
import { parseQualityTag } from './quality-tag';
import { parseSimModelId, resolveSimSettings, type SimSettings } from './sim-settings';

const longWriter = (s: string) =>
  (s.match(/[\u4e00-\u9fff]/g) ?? []).length +
  (s.match(/(?<![\p{L}\p{N}_])[A-Za-z]+(?![\p{L}\p{N}_])/gu) ?? []).length;

function run(modelId: string, request: SimRequest, settings: SimSettings = {}) {
  const resolved = resolveSimSettings(settings);
  return generateSimResponse(resolved, parseSimModelId(modelId, resolved)!, request);
}

const ask = (content: string, extra: Partial<SimRequest> = {}): SimRequest => ({
  endpoint: 'chat',
  messages: [{ role: 'user', content }],
  ...extra,
});

describe('determinism', () => {
  it('returns the same bytes for the same seed, model and request', () => {
    const a = run('sim', ask('Write a 700-word essay about harbors.'));
    const b = run('sim', ask('Write a 700-word essay about harbors.'));
    expect(b).toEqual(a);
  });

  it('changes with the seed, the model id, the request and the request seed', () => {
    const base = run('sim', ask('Write a 700-word essay about harbors.')).text;
    expect(run('sim', ask('Write a 700-word essay about harbors.'), { seed: 1 }).text).not.toBe(
      base,
    );
    expect(run('sim:compliant', ask('Write a 700-word essay about harbors.')).text).not.toBe(base);
    expect(run('sim', ask('Write a 700-word essay about bridges.')).text).not.toBe(base);
    expect(run('sim', ask('Write a 700-word essay about harbors.', { seed: 7 })).text).not.toBe(
      base,
    );
  });
});

describe('length profiles over 200 requests', () => {
  const lengths = [100, 250, 400, 800, 1200, 1500, 1800, 2500, 4000, 6000];
  const ratios = (profile: string) =>
    Array.from({ length: 200 }, (_, i) => {
      const requested = lengths[i % lengths.length]!;
      const r = run(
        `sim:${profile}`,
        ask(`Request ${i}: write a ${requested}-word article on topic ${i}.`),
        { quality: 0.6 },
      );
      const own = countSimUnits(r.text);
      // The paper's counter must see exactly what the simulator counted.
      expect(longWriter(r.text)).toBe(own);
      return { requested, written: own, ratio: own / requested };
    });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('compliant: mean ratio within 1 ± 0.03, every response within ±5 % (plus rounding)', () => {
    const rs = ratios('compliant');
    expect(Math.abs(mean(rs.map(r => r.ratio)) - 1)).toBeLessThan(0.03);
    for (const r of rs)
      expect(Math.abs(r.written - r.requested)).toBeLessThanOrEqual(r.requested * 0.05 + 0.5);
  });

  it('under ≈ 0.7, over ≈ 1.4, noisy ≈ 1.0 with a wide spread', () => {
    expect(mean(ratios('under').map(r => r.ratio))).toBeCloseTo(0.7, 1);
    expect(mean(ratios('over').map(r => r.ratio))).toBeCloseTo(1.4, 1);
    const noisy = ratios('noisy').map(r => r.ratio);
    expect(Math.abs(mean(noisy) - 1)).toBeLessThan(0.06);
    expect(Math.max(...noisy)).toBeGreaterThan(1.25);
    expect(Math.min(...noisy)).toBeLessThan(0.75);
    for (const r of noisy) expect(r).toBeGreaterThanOrEqual(0.59);
  });

  it('capped never exceeds its cap and is compliant below it', () => {
    const rs = ratios('capped');
    for (const r of rs) expect(r.written).toBeLessThanOrEqual(2000);
    expect(Math.max(...rs.map(r => r.written))).toBe(2000);
    const below = rs.filter(r => r.requested <= 1800).map(r => r.ratio);
    expect(Math.abs(mean(below) - 1)).toBeLessThan(0.03);
  });

  it('writes 300–600 words when no length is asked', () => {
    for (let i = 0; i < 20; i++) {
      const n = countSimUnits(run('sim:over', ask(`Tell me about topic ${i}.`)).text);
      expect(n).toBeGreaterThanOrEqual(300);
      expect(n).toBeLessThanOrEqual(600);
    }
  });
});

describe('language', () => {
  it('writes Chinese for Chinese prompts and counts 字', () => {
    const r = run('sim', ask('请写一篇两千字的文章，介绍中国的河流。'));
    expect(r.language).toBe('zh');
    expect(r.text).not.toMatch(/[A-Za-z]/);
    const n = countSimUnits(r.text);
    expect(n).toBeGreaterThanOrEqual(1900);
    expect(n).toBeLessThanOrEqual(2100);
  });

  it('writes English for English prompts', () => {
    expect(run('sim', ask('Write 200 words.')).text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('quality tags', () => {
  it('tags prose with the configured quality, the model suffix winning', () => {
    expect(parseQualityTag(run('sim', ask('Write 100 words.'), { quality: 0.3 }).text)).toBe(0.3);
    expect(parseQualityTag(run('sim@q=0.85', ask('Write 100 words.'), { quality: 0.3 }).text)).toBe(
      0.85,
    );
    expect(parseQualityTag(run('sim', ask('Write 100 words.')).text)).toBeUndefined();
  });
});

describe('max_tokens and stop sequences', () => {
  it('cuts at max_tokens with finish reason length', () => {
    const r = run('sim', ask('Write 1000 words.', { maxTokens: 50 }));
    expect(r.finishReason).toBe('length');
    expect(r.completionTokens).toBeLessThanOrEqual(50);
    expect(r.completionTokens).toBeGreaterThanOrEqual(48);
    expect(r.completionTokens).toBe(estimateTokens(r.text));
    const full = run('sim', ask('Write 1000 words.'));
    expect(full.finishReason).toBe('stop');
    expect(full.text.startsWith(r.text)).toBe(true);
  });

  it('stops before the first stop sequence', () => {
    const full = run('sim', ask('Write 300 words.')).text;
    const stop = full.split(' ')[10]!;
    const r = run('sim', ask('Write 300 words.', { stop: ['zzzz', stop] }));
    expect(r.finishReason).toBe('stop');
    expect(r.text).toBe(full.slice(0, full.indexOf(stop)));
    expect(r.text).not.toContain(stop);
  });
});

describe('raw completions with prefill', () => {
  it('writes only the remainder of the requested length after a prefilled start', () => {
    const prefill = 'Rivers carry water across many regions and shape the land.';
    const prompt = `<|start_header_id|>user<|end_header_id|>\n\nWrite 300 words about rivers.<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n${prefill}`;
    const r = run('sim', { endpoint: 'completion', prompt });
    expect(countSimUnits(prefill) + countSimUnits(r.text)).toBeGreaterThanOrEqual(285);
    expect(countSimUnits(prefill) + countSimUnits(r.text)).toBeLessThanOrEqual(315);
  });

  it('reads a Ruler MLT prefill', () => {
    const prompt = 'user\n\nDescribe a harbor.\nassistant:\n[MLT:150]';
    const n = countSimUnits(run('sim', { endpoint: 'completion', prompt }).text);
    expect(n).toBeGreaterThanOrEqual(142);
    expect(n).toBeLessThanOrEqual(158);
  });
});

const PLAN_PROMPT = (instruction: string) =>
  [
    'I need you to help me break down the following long-form writing instruction into multiple subtasks. Each subtask will guide the writing of one paragraph in the essay, and should include the main points and word count requirements for that paragraph.',
    'The writing instruction is as follows:',
    instruction,
    'Please break it down in the following format, with each subtask taking up one line:',
    'Paragraph 1 - Main Point: [Describe the main point of the paragraph, in detail] - Word Count: [Word count requirement, e.g., 400 words]',
    'Paragraph 2 - Main Point: [Describe the main point of the paragraph, in detail] - Word Count: [word count requirement, e.g. 1000 words].',
    '...',
    "Make sure that each subtask is clear and specific, and that all subtasks cover the entire content of the writing instruction. Do not split the subtasks too finely; each subtask's paragraph should be no less than 200 words and no more than 1000 words. Do not output any other content.",
  ].join('\n\n');

const PLAN_LINE = /^Paragraph (\d+) - Main Point: (.+) - Word Count: (\d+) words$/;

describe('AgentWrite plans', () => {
  it.each([
    ['Write a 5000-word history of the Roman Empire.', 5000],
    ['Write a 10000-word novel about a teenage heroine.', 10000],
    ['写一篇三千字的中国旅游指南', 3000],
    ['Write a 1234-word essay on climate and the economy.', 1234],
  ])('%s: sections of 200–1000 words summing to %d', (instruction, total) => {
    const r = run('sim', ask(PLAN_PROMPT(instruction)));
    expect(r.task).toBe('plan');
    const lines = r.text.split('\n').filter(l => l.trim() !== '');
    const counts = lines.map((line, i) => {
      const m = PLAN_LINE.exec(line);
      expect(m, line).not.toBeNull();
      expect(Number(m![1])).toBe(i + 1);
      return Number(m![3]);
    });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    for (const c of counts) {
      expect(c).toBeGreaterThanOrEqual(200);
      expect(c).toBeLessThanOrEqual(1000);
    }
  });

  it('an over-writing planner plans about 1.4× the total', () => {
    const r = run('sim:over', ask(PLAN_PROMPT('Write a 5000-word history of the Roman Empire.')));
    const sum = r.text
      .split('\n')
      .filter(Boolean)
      .reduce((s, l) => s + Number(PLAN_LINE.exec(l)![3]), 0);
    expect(sum / 5000).toBeGreaterThan(1.3);
    expect(sum / 5000).toBeLessThan(1.5);
  });

  it('section-writer prompts are not plan prompts', () => {
    const write = `Writing instruction: Write a 5000-word essay.\n\nWriting steps:\nParagraph 1 - Main Point: A - Word Count: 700 words\n\nAlready written text:\n\nPlease continue writing Paragraph 1 - Main Point: A - Word Count: 700 words. Split nothing.`;
    const r = run('sim', ask(write));
    expect(r.task).toBe('prose');
    expect(r.requestedLength?.value).toBe(700);
  });
});

describe('structured output', () => {
  it('fills a plan-like JSON schema with targets summing to the requested total', () => {
    const planSchema = z.object({
      sections: z
        .array(
          z.object({
            title: z.string().optional(),
            mainPoint: z.string(),
            targetWords: z.number().int(),
          }),
        )
        .min(1),
    });
    const r = run(
      'sim',
      ask(
        'Plan a 4000-word report on harbors. Each section should have between 200 and 1000 words.',
        {
          responseFormat: { type: 'json', schema: z.toJSONSchema(planSchema) },
        },
      ),
    );
    expect(r.task).toBe('plan');
    const plan = planSchema.parse(JSON.parse(r.text));
    expect(plan.sections.reduce((s, x) => s + x.targetWords, 0)).toBe(4000);
    for (const s of plan.sections) expect(s.mainPoint.length).toBeGreaterThan(0);
  });

  it('returns the project plan object for a plan prompt in JSON mode without a schema', () => {
    const r = run(
      'sim',
      ask(PLAN_PROMPT('Write a 3000-word essay.'), { responseFormat: { type: 'json' } }),
    );
    const parsed = JSON.parse(r.text) as { sections: Array<{ targetWords: number }> };
    expect(parsed.sections.reduce((s, x) => s + x.targetWords, 0)).toBe(3000);
  });

  it('returns JSON valid for a generic schema', () => {
    const schema = z.object({
      name: z.string().min(3).max(40),
      rating: z.number().int().min(1).max(5),
      score: z.number().gt(0).lt(1),
      tags: z
        .array(z.enum(['a', 'b', 'c']))
        .min(2)
        .max(4),
      flag: z.boolean(),
      nested: z.object({ when: z.iso.datetime(), email: z.email(), maybe: z.string().nullable() }),
      kind: z.literal('review'),
    });
    for (let i = 0; i < 20; i++) {
      const r = run(
        'sim',
        ask(`Review number ${i}.`, {
          responseFormat: { type: 'json', schema: z.toJSONSchema(schema) },
        }),
      );
      expect(r.task).toBe('json');
      expect(() => schema.parse(JSON.parse(r.text))).not.toThrow();
    }
  });
});

const ALPACA = (instruction: string, m: string, M: string) => `<|im_start|>system
You are a highly efficient assistant, who evaluates and selects the best large language model (LLMs) based on the quality of their responses to a given instruction.
<|im_end|>
<|im_start|>user
I require a leaderboard for various large language models. I'll provide you with prompts given to these models and their corresponding outputs.

## Instruction

{
    "instruction": """${instruction}""",
}

## Model Outputs

{
    {
        "model_identifier": "m",
        "output": """${m}"""
    },
    {
        "model_identifier": "M",
        "output": """${M}"""
    }
}

## Task

Evaluate the models based on the quality and relevance of their outputs, and select the model that generated the best output. Answer by providing the model identifier of the best model: m or M.

## Best Model Identifier
<|im_end|>`;

describe('judges', () => {
  const text = (q: number, units: number, seed: number) =>
    run(`sim@q=${q}`, ask(`Write ${units} words about topic ${seed}.`)).text;

  it('prefers the higher-quality output and reports top logprobs for m and M', () => {
    const good = text(0.9, 300, 1);
    const bad = text(0.2, 300, 2);
    const r = run(
      'sim',
      ask(ALPACA('Write 300 words.', good, bad), { logprobs: { topLogprobs: 5 } }),
      { judge: { noise: 0 } },
    );
    expect(r.task).toBe('pairwise-judge');
    expect(r.text).toBe('m');
    const top = r.logprobs![0]!.top_logprobs;
    expect(top.map(t => t.token).sort()).toEqual(['M', 'm']);
    const pm = Math.exp(top.find(t => t.token === 'm')!.logprob);
    const pM = Math.exp(top.find(t => t.token === 'M')!.logprob);
    expect(pm + pM).toBeCloseTo(1, 10);
    expect(pm).toBeCloseTo(r.judgeProbability!, 10);
    const oneToken = run(
      'sim',
      ask(ALPACA('Write 300 words.', good, bad), { maxTokens: 1, logprobs: { topLogprobs: 5 } }),
      {
        judge: { noise: 0 },
      },
    );
    expect(oneToken).toMatchObject({ text: 'm', finishReason: 'stop', completionTokens: 1 });
    expect(oneToken.logprobs).toEqual(r.logprobs);
    const swapped = run('sim', ask(ALPACA('Write 300 words.', bad, good)), { judge: { noise: 0 } });
    expect(swapped.text).toBe('M');
  });

  it('length bias favours the longer of two equal-quality outputs', () => {
    const short = text(0.5, 150, 3);
    const long = text(0.5, 900, 4);
    const biased = run('sim', ask(ALPACA('x', long, short)), {
      judge: { noise: 0, lengthBias: 1 },
    });
    const unbiased = run('sim', ask(ALPACA('x', long, short)), {
      judge: { noise: 0, lengthBias: 0 },
    });
    expect(biased.judgeProbability!).toBeGreaterThan(0.6);
    expect(unbiased.judgeProbability!).toBeCloseTo(0.5, 10);
  });

  it('LongBench-Write quality judge scores 1–5 from the quality tag', () => {
    const prompt = (response: string) =>
      `You are an expert in evaluating text quality. Be as strict as possible. Dimensions: Relevance, Accuracy, Coherence, Clarity, Breadth and Depth, Reading Experience.\n\n<User Request>\n\nWrite 200 words.\n\n</User Request>\n\n<Response>\n\n${response}\n\n</Response>\n\nOutput {"Analysis": ..., "Relevance": ..., "Accuracy": ..., "Coherence": ..., "Clarity": ..., "Breadth and Depth": ..., "Reading Experience": ...}`;
    const parse = (reply: string) =>
      JSON.parse(/```json\n(.*?)\n```/s.exec(reply)![1]!.replaceAll('\n', '')) as Record<
        string,
        number | string
      >;
    const high = parse(run('sim', ask(prompt(text(1, 200, 5))), { judge: { noise: 0 } }).text);
    const low = parse(run('sim', ask(prompt(text(0, 200, 6))), { judge: { noise: 0 } }).text);
    expect(high).toMatchObject({
      Relevance: 5,
      Accuracy: 5,
      Coherence: 5,
      Clarity: 5,
      'Breadth and Depth': 5,
      'Reading Experience': 5,
    });
    expect(low).toMatchObject({ Relevance: 1, 'Reading Experience': 1 });
    expect(typeof high.Analysis).toBe('string');
    const noisy = parse(run('sim', ask(prompt(text(0.5, 200, 7))), { judge: { noise: 0.8 } }).text);
    for (const [k, v] of Object.entries(noisy))
      if (k !== 'Analysis') expect([1, 2, 3, 4, 5]).toContain(v);
  });
});

describe('the project controlled prompts (agentwrite)', () => {
  const controlledPlan = (lineFormat: boolean) =>
    `You are planning a long piece of writing that will be written section by section.\n\nWriting instruction:\nWrite a history of harbors, split into clear parts.\n\nSplit the work into sections in reading order. For each section give a short title (a heading, without numbering), its main point described in detail, and a word count. Cover everything the instruction asks for, do not split too finely, and keep every section between 200 and 1000 words. Only the last section may conclude.\n${
      lineFormat
        ? 'Output one line per section and nothing else, in exactly this format:\nParagraph 1 - Title: <title> - Main Point: <main point> - Word Count: <number> words\n'
        : ''
    }The word counts of all sections must add up to exactly 4500 words.`;

  it('answers the line-format plan prompt with titled lines summing to the total', () => {
    const r = run('sim', ask(controlledPlan(true)));
    expect(r.task).toBe('plan');
    const lines = r.text.split('\n').filter(Boolean);
    const counts = lines.map(l => {
      const m =
        /^Paragraph \d+ - Title: [A-Z][a-z ]+ - Main Point: .+ - Word Count: (\d+) words$/.exec(l);
      expect(m, l).not.toBeNull();
      return Number(m![1]);
    });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4500);
  });

  it('writes a section that starts with the requested heading and counts it', () => {
    const write = `You are an excellent writing assistant writing a long document one section at a time.\n\nWriting instruction:\nWrite a history of harbors, split into clear parts.\n\nThe plan of the whole document:\nParagraph 1 - Title: Early Ports - Main Point: The first harbors - Word Count: 600 words\n\nThe document so far:\n(nothing yet: this is the first section)\n\nNow write section 1 of 6, "Early Ports". Main point: The first harbors\nStart with the heading line "## Early Ports". Write only this section: do not repeat earlier text, do not write later sections, and do not conclude the whole document. Write in English.\nWord Count: 600 words`;
    const r = run('sim', ask(write));
    expect(r.task).toBe('prose');
    expect(r.text.startsWith('## Early Ports\n\n')).toBe(true);
    expect(Math.abs(countSimUnits(r.text) - 600)).toBeLessThanOrEqual(30);
    const more = run(
      'sim',
      ask(
        `The section so far:\n${r.text}\n\nThe section is too short. Continue it. Write 250 more words.`,
      ),
    );
    expect(Math.abs(countSimUnits(more.text) - 250)).toBeLessThanOrEqual(13);
  });
});
