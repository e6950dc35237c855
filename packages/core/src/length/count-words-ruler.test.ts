import { describe, expect, it } from 'vitest';
import { countWordsRuler } from './count-words-ruler';

// ruler.md V3, every vector (the `\w+` count column).
const vectors: Array<[string, number]> = [
  ['Hello, world!', 2],
  ["don't stop—now", 4],
  ['state-of-the-art', 4],
  ['e.g. 3.14 is π', 6],
  ['12,345.67 dollars', 4],
  ['snake_case_name', 1],
  ['C++ and C#', 3],
  ['https://example.com/a-b?x=1', 7],
  ['**Bold** and `code()`', 3],
  ['- item one\n- item two', 4],
  ['', 0],
  ['— – ... !!!', 0],
  ['[MLT:80]To make a cake', 6],
  ['[MLT:>800]Once upon', 4],
  ['<|eot_id|>', 1],
  ['naïve café', 2],
  ['nai\u0308ve cafe\u0301', 3],
  ['日本語のテキストです。', 1],
  ['我爱你 中国', 2],
  ['x² + y²', 2],
  ['Ⅻ chapters', 2],
  ['😀 emoji 👍🏽', 1],
  ['über-cool straße', 3],
  ['Привет, мир', 2],
  ['हिन्दी भाषा', 5],
];

describe('countWordsRuler', () => {
  it.each(vectors)('%j → %i', (input, expected) => {
    expect(countWordsRuler(input)).toBe(expected);
  });

  it('is not the whitespace split stored upstream in `word_count`', () => {
    expect(countWordsRuler('- item one\n- item two')).not.toBe(
      '- item one\n- item two'.split(/\s+/).length,
    );
  });
});
