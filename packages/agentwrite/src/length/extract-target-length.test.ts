import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TargetLengthNotFoundError } from '../errors/target-length-not-found-error';
import { detectOutputLanguage, extractTargetLength } from './extract-target-length';

const DATA = new URL(
  '../../../../../shared/datasets/longbench-write/longbench_write.jsonl',
  import.meta.url,
);
const rows = readFileSync(DATA, 'utf8')
  .trim()
  .split('\n')
  .map(line => JSON.parse(line) as { prompt: string; length: number });

// The four LongBench-Write rows whose prompt states no number (spec §2.3); annotators estimated.
const NO_NUMBER = new Set([13, 41, 50, 115]);

describe('extractTargetLength on LongBench-Write', () => {
  it('reads the annotated length of every prompt that states one (116 of 116)', () => {
    const misses: string[] = [];
    rows.forEach((row, i) => {
      if (NO_NUMBER.has(i)) return;
      const got = extractTargetLength(row.prompt).words;
      if (got !== row.length) misses.push(`row ${i}: expected ${row.length}, got ${got}`);
    });
    expect(misses).toEqual([]);
    expect(rows).toHaveLength(120);
  });

  it('throws a typed error for the 4 prompts without a number, or uses the stated default', () => {
    for (const i of NO_NUMBER) {
      const prompt = rows[i]!.prompt;
      expect(() => extractTargetLength(prompt)).toThrow(TargetLengthNotFoundError);
      const fallback = extractTargetLength(prompt, { defaultWords: 1000 });
      expect(fallback).toMatchObject({ words: 1000, source: 'default' });
    }
  });

  it('gets the output language right for the cross-language prompts', () => {
    expect(detectOutputLanguage(rows[93]!.prompt)).toBe('en'); // 帮我用英文写…4000字
    expect(detectOutputLanguage(rows[12]!.prompt)).toBe('en'); // …300词的英语作文
    expect(detectOutputLanguage(rows[42]!.prompt)).toBe('zh'); // 800 words Chinese news
    expect(extractTargetLength(rows[3]!.prompt).unit).toBe('字');
    expect(extractTargetLength(rows[0]!.prompt).unit).toBe('words');
  });
});

describe('extractTargetLength', () => {
  it.each([
    ['Write a 10k-word report on tides', 10_000],
    ['Write 10k words about tides', 10_000],
    ['An essay of 1.5k words', 1500],
    ['写一篇1.5万字的报告', 15_000],
    ['写一篇两万字的小说', 20_000],
    ['写一篇三千五百字的文章', 3500],
    ['写一篇三千五字的文章', 3500],
    ['写一篇两千零五字的文章', 2005],
    ['Write between 500 and 800 words on bees', 800],
    ['Write five hundred words on bees', 500],
    ['Write two thousand words on bees', 2000],
    ['Write three essays of 500 words each', 1500],
    ['write a 300-400 words summary', 400],
    ['Write 1,000 words. Actually, make it 2,000 words.', 2000],
  ])('%s → %i', (instruction, words) => {
    expect(extractTargetLength(instruction).words).toBe(words);
  });

  it('does not read prose as a length', () => {
    expect(() => extractTargetLength('写一篇关于十字路口的文章')).toThrow(
      TargetLengthNotFoundError,
    );
    expect(() => extractTargetLength('这些顶流产品，千万别错过了')).toThrow(
      TargetLengthNotFoundError,
    );
    expect(() => extractTargetLength('List 15 emojis with a line each')).toThrow(
      /no target length found.*--words/,
    );
  });

  it('records the matched text', () => {
    expect(extractTargetLength('法真简介，200字左右')).toMatchObject({
      words: 200,
      source: 'instruction',
      match: '200字',
      language: 'zh',
    });
  });
});
