import { describe, expect, it } from 'vitest';
import { parseLonGenConstraint } from './parse-longen-constraint';

describe('parseLonGenConstraint', () => {
  it.each([
    ['about', 'around 2000 words', 1600, 2400],
    ['about', '大约5000字', 4000, 6000],
    ['range', 'A 2000-4000 words', 2000, 4000],
    ['range', '4000字至6000字', 4000, 6000],
    ['above', '大于2000字', 2000, 3000],
    ['below', '小于3000字', 1500, 3000],
    ['below', 'less than 2000 words', 1000, 2000],
  ])('%s "%s" → [%d, %d]', (type, constraint, a, b) => {
    expect(parseLonGenConstraint(type, constraint)).toEqual({ a, b });
  });

  it('reads thousands separators (vector 30: upstream parses "4,000-6,000" as [4, 0])', () => {
    expect(parseLonGenConstraint('range', '4,000-6,000 words')).toEqual({ a: 4000, b: 6000 });
    expect(parseLonGenConstraint('about', 'around 2,500 words')).toEqual({ a: 2000, b: 3000 });
  });

  it('reads Chinese numerals (vector 31: upstream crashes on "大约三千字")', () => {
    expect(parseLonGenConstraint('about', '大约三千字')).toEqual({ a: 2400, b: 3600 });
    expect(parseLonGenConstraint('range', '两千字至四千字')).toEqual({ a: 2000, b: 4000 });
    expect(parseLonGenConstraint('above', '大于三千五百字')).toEqual({ a: 3500, b: 5250 });
  });

  it('reads full-width and other Unicode digits as Python int() does', () => {
    expect(parseLonGenConstraint('below', '小于４０００字')).toEqual({ a: 2000, b: 4000 });
    expect(parseLonGenConstraint('above', 'more than ٣٠٠٠ words')).toEqual({ a: 3000, b: 4500 });
  });

  it('names the field of a bad constraint', () => {
    expect(() => parseLonGenConstraint('roughly', 'around 2000 words')).toThrow(
      /field "type": unknown LonGen type "roughly"/,
    );
    expect(() => parseLonGenConstraint('about', 'around many words')).toThrow(
      /field "constraint": .*contains no number/,
    );
    expect(() => parseLonGenConstraint('range', 'about 2000 words')).toThrow(
      /field "constraint": .*no "A…B" pair/,
    );
  });
});
