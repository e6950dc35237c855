import { describe, expect, it } from 'vitest';
import { detectRequestedLength, parseChineseNumber } from './detect-requested-length';

describe('detectRequestedLength', () => {
  it.each([
    ['Write a 5000-word essay about rivers.', 5000, 'words'],
    ['Write an essay of 1,200 words on trade.', 1200, 'words'],
    ['Write a story (10k words).', 10000, 'words'],
    ['Word Count: 400 words', 400, 'words'],
    ['Word Count: 650', 650, 'words'],
    ['Write about 300.', 300, 'words'],
    ['Please continue the text with about 400 more words.', 400, 'words'],
    ['[MLT:300]', 300, 'words'],
    ['[MLT:>800]', 900, 'words'],
    ['写一篇三千字的中国旅游指南', 3000, 'chars'],
    ['写一篇两千字的文章', 2000, 'chars'],
    ['写一部一万字的小说', 10000, 'chars'],
    ['写一篇800字左右的作文', 800, 'chars'],
    ['字数要求：1500字', 1500, 'chars'],
    ['写一篇1.5万字的报告', 15000, 'chars'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(detectRequestedLength(text)).toMatchObject({ value, unit });
  });

  it('takes the midpoint of ranges and keeps the bounds', () => {
    expect(detectRequestedLength('Write 600-800 words.')).toEqual({
      value: 700,
      unit: 'words',
      min: 600,
      max: 800,
      source: '600-800 words',
    });
    expect(detectRequestedLength('between 200 and 400 words')).toMatchObject({
      value: 300,
      min: 200,
      max: 400,
    });
    expect(detectRequestedLength('写300到400字')).toMatchObject({
      value: 350,
      unit: 'chars',
      min: 300,
      max: 400,
    });
    expect(detectRequestedLength('Word Count: 600-800 words')).toMatchObject({
      value: 700,
      min: 600,
      max: 800,
    });
  });

  it('aims above "at least" and below "under"', () => {
    expect(detectRequestedLength('at least 6,000 words')).toMatchObject({ value: 6600, min: 6000 });
    expect(detectRequestedLength('in less than 500 words')).toMatchObject({ value: 400, max: 500 });
    expect(detectRequestedLength('under 100 words please')).toMatchObject({ value: 80, max: 100 });
    expect(detectRequestedLength('请写200字以内')).toMatchObject({
      value: 160,
      unit: 'chars',
      max: 200,
    });
    expect(detectRequestedLength('不少于1000字')).toMatchObject({
      value: 1100,
      unit: 'chars',
      min: 1000,
    });
    expect(detectRequestedLength('400字以上')).toMatchObject({ value: 440, min: 400 });
  });

  it('uses the last request in the text (AgentWrite section writer)', () => {
    const prompt = [
      'Writing instruction: Write a 5000-word history of Rome.',
      'Writing steps:',
      'Paragraph 1 - Main Point: Origins - Word Count: 700 words',
      'Paragraph 2 - Main Point: Republic - Word Count: 900 words',
      'Please continue writing Paragraph 2 - Main Point: Republic - Word Count: 900 words',
    ].join('\n');
    expect(detectRequestedLength(prompt)).toMatchObject({ value: 900, unit: 'words' });
  });

  it('ignores numbers that are not length requests', () => {
    expect(
      detectRequestedLength('Tell me about the year 1990 and 3 famous people.'),
    ).toBeUndefined();
    expect(detectRequestedLength('走到十字路口')).toBeUndefined();
    expect(detectRequestedLength('')).toBeUndefined();
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['三千', 3000],
    ['两千', 2000],
    ['一万', 10000],
    ['一万五千', 15000],
    ['八百', 800],
    ['十', 10],
    ['二十五', 25],
    ['3000', 3000],
    ['1,500', 1500],
    ['1.5万', 15000],
    ['3千', 3000],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });
});
