import { describe, expect, it } from 'vitest';
import { countCodePoints } from './count-code-points';

describe('countCodePoints', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['你好', 2],
    ['😀', 1],
    ['👍🏽', 2],
    ['\u{20000}x', 2],
    ['cafe\u0301', 5],
    ['\ud800', 1],
    ['\udc00', 1],
    ['\udc00\ud800', 2],
    ['a\ud800b', 3],
    ['\ud800\ud800\udc00', 2],
    ['x\ud83d', 2],
  ])('%j → %i', (input, expected) => {
    expect(countCodePoints(input)).toBe(expected);
    expect(countCodePoints(input)).toBe([...input].length);
  });

  it('agrees with [...s].length on random strings full of surrogates', () => {
    // A fixed LCG keeps the test deterministic while covering many surrogate arrangements.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const alphabet = [0x61, 0x4e2d, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0x20, 0xdfff, 0xd800];
    for (let round = 0; round < 300; round++) {
      const codes = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]!);
      const text = String.fromCharCode(...codes);
      expect(countCodePoints(text)).toBe([...text].length);
    }
  });

  it('is not UTF-16 length', () => {
    expect('😀😀'.length).toBe(4);
    expect(countCodePoints('😀😀')).toBe(2);
  });
});
