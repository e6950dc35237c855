import { describe, expect, it } from 'vitest';
import { decideControlAction } from './control-action';
import { createLengthCalibrator } from './length-calibrator';
import { trimToLength } from './trim-to-length';

const words = (s: string) => (s.match(/[A-Za-z]+/g) ?? []).length;
const para = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ') + '.';

describe('decideControlAction', () => {
  const tolerance = { under: 0.1, over: 0.1 };
  it.each([
    [1000, 1000, 'accept'],
    [901, 1000, 'accept'],
    [1099, 1000, 'accept'],
    [700, 1000, 'continue'],
    [1400, 1000, 'shorten'],
  ])('%i of %i → %s', (actual, target, kind) => {
    expect(decideControlAction(actual, target, tolerance).kind).toBe(kind);
  });
  it('states the missing and excess amounts', () => {
    expect(decideControlAction(700, 1000, tolerance)).toEqual({ kind: 'continue', missing: 300 });
    expect(decideControlAction(1400, 1000, tolerance)).toEqual({ kind: 'shorten', excess: 400 });
  });
});

describe('trimToLength', () => {
  it('cuts at the paragraph boundary closest to the target', () => {
    const text = ['## Heading', para(100), para(100), para(100), para(100)].join('\n\n');
    const result = trimToLength(text, 290, words);
    expect(result).toMatchObject({ count: 301, boundary: 'paragraph' });
    expect(result!.text.endsWith(para(100))).toBe(true);
    expect(result!.text.split('\n\n')).toHaveLength(4);
  });

  it('never keeps only the heading', () => {
    const text = ['## Heading', Array.from({ length: 8 }, () => para(50)).join(' ')].join('\n\n');
    const result = trimToLength(text, 100, words);
    expect(result).toMatchObject({ boundary: 'sentence', count: 101 });
    expect(result!.text.startsWith('## Heading\n\nword')).toBe(true);
  });

  it('falls back to sentence boundaries inside one long paragraph', () => {
    const text = Array.from({ length: 10 }, () => para(20)).join(' ');
    const result = trimToLength(text, 100, words);
    expect(result).toMatchObject({ count: 100, boundary: 'sentence' });
    expect(result!.text.endsWith('.')).toBe(true);
  });

  it('cuts Chinese text at 。', () => {
    const text = '这是第一句话。这是第二句话。这是第三句话。这是第四句话。';
    const cjk = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
    expect(trimToLength(text, 12, cjk)).toMatchObject({
      text: '这是第一句话。这是第二句话。',
      count: 12,
    });
  });

  it('returns undefined when no cut helps', () => {
    expect(trimToLength(para(100), 100, words)).toBeUndefined();
  });
});

describe('trimToLength on Markdown structure (regressions)', () => {
  const fences = (s: string) => (s.match(/^```/gm) ?? []).length;

  it('never cuts a fenced code block at its blank line', () => {
    const code = `\`\`\`text\n${para(40)}\n\n${para(40)}\n\`\`\``;
    const text = ['## Heading', para(100), code, para(100)].join('\n\n');
    // Cutting at the blank line inside the code (142 words) would be closest to 145.
    const result = trimToLength(text, 145, words);
    expect(result).toBeDefined();
    expect(fences(result!.text) % 2).toBe(0);
    expect(result).toMatchObject({ boundary: 'paragraph', count: 182 });
    expect(result!.text.endsWith(code)).toBe(true);
  });

  it('keeps a list item whole', () => {
    const list = `- ${para(60)}\n\n  ${para(60)}\n\n- ${para(20)}`;
    const text = ['## Heading', para(50), list, para(50)].join('\n\n');
    // Cutting inside the first item (111 words) would be closest to 80.
    const result = trimToLength(text, 80, words);
    expect(result).toMatchObject({ text: `## Heading\n\n${para(50)}`, boundary: 'paragraph' });
  });

  it('keeps a table whole and never cuts it at a sentence', () => {
    const row = `| ${para(30)} | ${para(30)} |`;
    const table = ['| a | b |', '| - | - |', row, row, row].join('\n');
    const text = ['## Heading', para(60), table, para(20)].join('\n\n');
    // Cutting the table after a cell's sentence (123 words) would be closest to 110.
    const result = trimToLength(text, 110, words);
    expect(result).toMatchObject({ text: `## Heading\n\n${para(60)}`, count: 61 });
    const whole = trimToLength(text, 230, words);
    expect(whole).toMatchObject({ text: `## Heading\n\n${para(60)}\n\n${table}` });
  });

  it('cuts a paragraph at a sentence outside inline code and links, keeping the source', () => {
    const text = `${para(30)}  Run \`a. b\` now. See [one. two](https://x.org) here. ${para(30)}`;
    const result = trimToLength(text, 33, words);
    expect(result).toMatchObject({ boundary: 'sentence' });
    expect(result!.text).toBe(`${para(30)}  Run \`a. b\` now.`);
  });
});

describe('createLengthCalibrator', () => {
  it('asks for more from a model that writes short, and less from one that writes long', () => {
    const under = createLengthCalibrator();
    expect(under.requestFor(1000)).toBe(1000);
    under.observe(1000, 700);
    under.observe(500, 350);
    expect(under.ratio).toBeCloseTo(0.7);
    expect(under.requestFor(700)).toBe(1000);
    const over = createLengthCalibrator();
    over.observe(1000, 1400);
    expect(over.requestFor(1400)).toBe(1000);
  });
  it('clamps wild ratios and ignores empty samples', () => {
    const c = createLengthCalibrator();
    c.observe(1000, 0);
    expect(c.ratio).toBe(1);
    c.observe(100, 10_000);
    expect(c.ratio).toBe(2);
  });
});
