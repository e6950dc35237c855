import { describe, expect, it } from 'vitest';
import { countSimUnits, generatePhrase, generateProse } from './generate-prose';
import { formatQualityTag } from './quality-tag';
import { createRng } from './random';

const longWriter = (s: string) =>
  (s.match(/[\u4e00-\u9fff]/g) ?? []).length +
  (s.match(/(?<![\p{L}\p{N}_])[A-Za-z]+(?![\p{L}\p{N}_])/gu) ?? []).length;
const rulerWords = (s: string) => (s.match(/\w+/gu) ?? []).length;
const whitespaceWords = (s: string) =>
  s.split(/\s+/).filter(w => w.length > 0 && !/^(?:##|-)$/.test(w)).length;

describe('generateProse', () => {
  it('writes exactly the requested number of English words, on which the counters agree', () => {
    for (const units of [1, 2, 7, 45, 300, 2500]) {
      const text = generateProse({ rng: createRng(units), units, language: 'en' });
      expect(countSimUnits(text)).toBe(units);
      expect(longWriter(text)).toBe(units);
      expect(rulerWords(text)).toBe(units);
      expect(whitespaceWords(text)).toBe(units);
    }
  });

  it('uses only plain letter words: no digits, hyphens inside words or apostrophes', () => {
    const text = generateProse({ rng: createRng(3), units: 3000, language: 'en' });
    expect(text).not.toMatch(/\d|[A-Za-z]-[A-Za-z]|['’]/);
    expect(text).not.toMatch(/Paragraph\s/);
  });

  it('has Markdown structure in long outputs', () => {
    const text = generateProse({ rng: createRng(5), units: 4000, language: 'en' });
    expect(text).toMatch(/^## [A-Z]/m);
    expect(text).toMatch(/^- [A-Z]/m);
    expect(text.split('\n\n').length).toBeGreaterThan(20);
  });

  it('writes exactly the requested number of Chinese ideographs', () => {
    for (const units of [1, 3, 150, 3000]) {
      const text = generateProse({ rng: createRng(units), units, language: 'zh' });
      expect(countSimUnits(text)).toBe(units);
      expect(longWriter(text)).toBe(units);
      expect(text).not.toMatch(/[A-Za-z\d]/);
    }
  });

  it('is deterministic for a seed', () => {
    const a = generateProse({ rng: createRng(42), units: 500, language: 'en' });
    const b = generateProse({ rng: createRng(42), units: 500, language: 'en' });
    const c = generateProse({ rng: createRng(43), units: 500, language: 'en' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('writes nothing for zero units', () => {
    expect(generateProse({ rng: createRng(1), units: 0, language: 'en' })).toBe('');
  });
});

describe('countSimUnits', () => {
  it('ignores quality tags', () => {
    expect(countSimUnits(`${formatQualityTag(0.7)}\n\nHello there world.`)).toBe(3);
  });
});

describe('generatePhrase', () => {
  it('has exactly the requested units and no punctuation', () => {
    const phrase = generatePhrase(createRng(9), 8, 'en');
    expect(countSimUnits(phrase)).toBe(8);
    expect(phrase).toMatch(/^[A-Z][a-z]*(?: [a-z]+)*$/);
    expect(countSimUnits(generatePhrase(createRng(9), 12, 'zh'))).toBe(12);
  });
});
