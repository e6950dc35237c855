import { describe, expect, it } from 'vitest';
import { deriveTitle } from './derive-title';

describe('deriveTitle', () => {
  it.each([
    [
      'introduce the history of tide mills, from Roman times onwards',
      'Introduce the history of tide mills',
    ],
    ['Explain how the wheel works: gears, sluices and ponds.', 'Explain how the wheel works'],
    ['one two three four five six seven eight nine ten', 'One two three four five six seven eight'],
    ['介绍潮汐磨坊的历史，从罗马时代开始', '介绍潮汐磨坊的历史'],
  ])('%s', (mainPoint, title) => {
    expect(deriveTitle(mainPoint)).toBe(title);
  });
});
