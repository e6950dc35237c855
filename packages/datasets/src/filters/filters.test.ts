import { InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { makeSample, prose } from '../testing/make-sample';
import { createDecontaminationFilter } from './decontamination-filter';
import { createExactDedupFilter } from './exact-dedup-filter';
import { createSampleFilter, parseFilterConfigs } from './filter-config';
import { createFilterPipeline } from './filter-pipeline';
import { checkLength } from './length-filter';
import { checkLengthScore } from './length-score-filter';
import { createNearDedupFilter } from './near-dedup-filter';

describe('checkLength', () => {
  const sample = makeSample('a', { metadata: { lengths: { longwriter: 1500, unicode: 1400 } } });

  it('reads the named counter and reports too-short / too-long', () => {
    expect(checkLength(sample, { counter: 'longwriter', min: 1500 })).toEqual({
      filter: 'length(longwriter)',
      kept: true,
      detail: { counter: 'longwriter', length: 1500, min: 1500 },
    });
    expect(checkLength(sample, { counter: 'unicode', min: 1500 })).toMatchObject({
      kept: false,
      reason: 'too-short',
    });
    expect(checkLength(sample, { counter: 'longwriter', max: 1499 })).toMatchObject({
      kept: false,
      reason: 'too-long',
    });
    expect(checkLength(sample, { counter: 'longwriter', min: 1000, max: 2000 }).kept).toBe(true);
  });

  it('throws naming the field when the counter is missing', () => {
    expect(() => checkLength(sample, { counter: 'ruler', min: 1 })).toThrow(
      /field "metadata\.lengths\.ruler": sample "a" has no length for counter "ruler" \(has: longwriter, unicode\)/,
    );
  });
});

describe('checkLengthScore', () => {
  it('keeps iff score ≥ threshold and requires the score', () => {
    expect(
      checkLengthScore(makeSample('a', { metadata: { lengthScore: 80 } }), { min: 80 }).kept,
    ).toBe(true);
    expect(
      checkLengthScore(makeSample('a', { metadata: { lengthScore: 79.99 } }), { min: 80 }),
    ).toMatchObject({
      kept: false,
      reason: 'low-length-score',
      detail: { score: 79.99, min: 80 },
    });
    expect(() => checkLengthScore(makeSample('a'), { min: 80 })).toThrow(InvalidInputError);
  });
});

describe('exact dedup', () => {
  it('drops copies that differ only in case and whitespace, against kept samples only', () => {
    const filter = createExactDedupFilter({ fields: ['instruction', 'output'] });
    const pipeline = createFilterPipeline([filter]);
    const a = makeSample('a', { instruction: 'Write a story.', output: 'Once upon a time.' });
    const b = makeSample('b', { instruction: 'write  a STORY.', output: 'Once upon a time.\n' });
    const c = makeSample('c', { instruction: 'Write a story.', output: 'A different story.' });
    expect(pipeline.evaluate(a).kept).toBe(true);
    expect(pipeline.evaluate(b)).toMatchObject({
      kept: false,
      reason: 'exact-duplicate',
      verdicts: [{ filter: 'exact-dedup(instruction+output)', detail: { duplicateOf: 'a' } }],
    });
    expect(pipeline.evaluate(c).kept).toBe(true);
    const byInstruction = createFilterPipeline([
      createExactDedupFilter({ fields: ['instruction'] }),
    ]);
    expect(byInstruction.evaluate(a).kept).toBe(true);
    expect(byInstruction.evaluate(c).reason).toBe('exact-duplicate');
  });

  it('does not remember samples another filter dropped', () => {
    const pipeline = createFilterPipeline([
      createSampleFilter({ type: 'length', counter: 'longwriter', min: 500 }),
      createExactDedupFilter({ fields: ['output'] }),
    ]);
    const short = makeSample('short', {
      output: 'same text',
      metadata: { lengths: { longwriter: 10 } },
    });
    const long = makeSample('long', {
      output: 'same text',
      metadata: { lengths: { longwriter: 900 } },
    });
    expect(pipeline.evaluate(short)).toMatchObject({
      kept: false,
      reason: 'too-short',
      filter: 'length(longwriter)',
    });
    expect(pipeline.evaluate(long).kept).toBe(true);
  });
});

describe('near dedup', () => {
  const settings = {
    field: 'output' as const,
    threshold: 0.8,
    numPerm: 128,
    shingleSize: 5,
    seed: 1,
  };

  it('drops a lightly edited copy and keeps unrelated texts', () => {
    const pipeline = createFilterPipeline([createNearDedupFilter(settings)]);
    const base = prose(1, 400);
    const words = base.split(' ');
    words[200] = 'edited';
    const edited = words.join(' ');
    expect(pipeline.evaluate(makeSample('a', { output: base })).kept).toBe(true);
    expect(pipeline.evaluate(makeSample('b', { output: prose(2, 400) })).kept).toBe(true);
    const result = pipeline.evaluate(makeSample('c', { output: edited }));
    expect(result.kept).toBe(false);
    expect(result.reason).toBe('near-duplicate');
    expect(result.verdicts[0]!.detail!.duplicateOf).toBe('a');
    expect(result.verdicts[0]!.detail!.jaccard).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps a text whose overlap is well below the threshold', () => {
    const pipeline = createFilterPipeline([createNearDedupFilter(settings)]);
    const first = prose(3, 400);
    const half = `${first.split(' ').slice(0, 200).join(' ')} ${prose(4, 200)}`;
    expect(pipeline.evaluate(makeSample('a', { output: first })).kept).toBe(true);
    expect(pipeline.evaluate(makeSample('b', { output: half })).kept).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const texts = Array.from({ length: 30 }, (_, i) => prose(100 + (i % 10), 120 + (i % 3)));
    const run = () => {
      const pipeline = createFilterPipeline([createNearDedupFilter(settings)]);
      return texts.map((output, i) => pipeline.evaluate(makeSample(`s${i}`, { output })).kept);
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first.filter(Boolean).length).toBe(10);
  });
});

describe('decontamination', () => {
  const benchmarks = [
    {
      name: 'longbench-write',
      prompts: [
        'Write an outline for a short 100-word blog post about why Christmas Cactus are a great buy.',
        '对于雷锋精神的推文，200字以内',
        'Hi',
      ],
    },
  ];
  const filter = createDecontaminationFilter({
    benchmarks,
    field: 'instruction',
    n: 8,
    threshold: 0.5,
  });

  it('flags instructions that contain or copy a benchmark prompt', () => {
    const copied = makeSample('a', {
      instruction:
        'Please: write an outline for a short 100-word blog post about why Christmas Cactus are a great buy!',
    });
    expect(filter.check(copied).verdict).toMatchObject({
      kept: false,
      reason: 'contaminated',
      detail: { benchmark: 'longbench-write', promptIndex: 0, overlap: 1 },
    });
    const chinese = makeSample('b', { instruction: '请写：对于雷锋精神的推文，200字以内。谢谢' });
    expect(filter.check(chinese).verdict).toMatchObject({
      kept: false,
      detail: { promptIndex: 1 },
    });
  });

  it('keeps unrelated instructions and partial topical overlap', () => {
    expect(
      filter.check(makeSample('c', { instruction: 'Write 3000 words on the history of Rome.' }))
        .verdict.kept,
    ).toBe(true);
    const topical = makeSample('d', {
      instruction:
        'Write a long essay about why houseplants such as the Christmas Cactus are a great buy for students.',
    });
    expect(filter.check(topical).verdict.kept).toBe(true);
  });

  it('matches prompts shorter than n as whole token sequences', () => {
    expect(
      filter.check(makeSample('e', { instruction: 'hi there, write a poem' })).verdict.kept,
    ).toBe(false);
    expect(filter.check(makeSample('f', { instruction: 'this is a chip' })).verdict.kept).toBe(
      true,
    );
  });
});

describe('parseFilterConfigs', () => {
  it('fills defaults', () => {
    const [near, exact, decon] = parseFilterConfigs([
      { type: 'near-dedup' },
      { type: 'exact-dedup' },
      { type: 'decontamination', benchmarks: [{ name: 'x', prompts: ['p'] }] },
    ]);
    expect(near).toEqual({
      type: 'near-dedup',
      field: 'output',
      threshold: 0.8,
      numPerm: 128,
      shingleSize: 5,
      seed: 1,
    });
    expect(exact).toEqual({ type: 'exact-dedup', fields: ['instruction', 'output'] });
    expect(decon).toMatchObject({ field: 'instruction', n: 8, threshold: 0.5 });
  });

  it('names the bad filter and field', () => {
    expect(() =>
      parseFilterConfigs([
        { type: 'length', counter: 'longwriter', min: 10 },
        { type: 'length-score', min: -1 },
      ]),
    ).toThrow(/field "filters\.1\.min"/);
    expect(() => parseFilterConfigs([{ type: 'length', counter: 'longwriter' }])).toThrow(
      /needs min, max or both/,
    );
    expect(() =>
      parseFilterConfigs([{ type: 'length', counter: 'longwriter', min: 5, max: 4 }]),
    ).toThrow(/min must not exceed max/);
    // Only core's named counters exist, so a typo cannot silently select nothing.
    expect(() => parseFilterConfigs([{ type: 'length', counter: 'longwriterr', min: 5 }])).toThrow(
      /field "filters\.0\.counter": Invalid option/,
    );
    expect(() => parseFilterConfigs([{ type: 'near-dedup', bands: 20, rows: 20 }])).toThrow(
      /exceeds numPerm/,
    );
    expect(() => parseFilterConfigs([{ type: 'bogus' }])).toThrow(/field "filters\.0\.type"/);
  });
});
