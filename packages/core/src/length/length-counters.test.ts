import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { countCodePoints } from './count-code-points';
import { countWordsLongWriter } from './count-words-longwriter';
import { countWordsRuler } from './count-words-ruler';
import { countWordsSelfLengthen } from './count-words-self-lengthen';
import { countWordsUnicode } from './count-words-unicode';
import {
  getLengthCounter,
  lengthCounterNameSchema,
  lengthCounterNames,
  lengthCounters,
} from './length-counters';

describe('lengthCounters', () => {
  it('names every counter by its key', () => {
    expect(lengthCounterNames).toEqual([
      'longwriter',
      'self-lengthen',
      'ruler',
      'code-points',
      'unicode',
      'tokens',
    ]);
    for (const name of lengthCounterNames) {
      const counter = lengthCounters[name];
      expect(counter.name).toBe(name);
      expect(counter.description.length).toBeGreaterThan(10);
    }
  });

  it('wires each name to its paper counter', () => {
    expect(lengthCounters.longwriter.count).toBe(countWordsLongWriter);
    expect(lengthCounters['self-lengthen'].count).toBe(countWordsSelfLengthen);
    expect(lengthCounters.ruler.count).toBe(countWordsRuler);
    expect(lengthCounters['code-points'].count).toBe(countCodePoints);
    expect(lengthCounters.unicode.count).toBe(countWordsUnicode);
  });

  it('gives different counts for the same text, which is why reports name the counter', () => {
    const text = "Don't stop: state-of-the-art 我爱编程 😀";
    const counts = Object.fromEntries(
      lengthCounterNames.map(name => [name, lengthCounters[name].count(text)]),
    );
    expect(counts).toEqual({
      longwriter: 11,
      'self-lengthen': 8,
      ruler: 8,
      'code-points': 35,
      unicode: 7,
      tokens: counts.tokens,
    });
    expect(counts.tokens).toBeGreaterThan(0);
  });

  it('looks names up for the CLI and rejects unknown ones naming the field', () => {
    expect(getLengthCounter('ruler')).toBe(lengthCounters.ruler);
    expect(() => getLengthCounter('words')).toThrow(
      /field "counter": unknown length counter "words"/,
    );
    expect(() => getLengthCounter('toString')).toThrow(InvalidInputError);
    expect(lengthCounterNameSchema.parse('unicode')).toBe('unicode');
    expect(lengthCounterNameSchema.safeParse('words').success).toBe(false);
  });
});
