import { describe, expect, it } from 'vitest';
import { lengthBucket } from './length-bucket';

describe('lengthBucket', () => {
  it.each([
    [0, '[0,500)'],
    [100, '[0,500)'],
    [499, '[0,500)'],
    [500, '[500,2k)'],
    [1999, '[500,2k)'],
    [2000, '[2k,4k)'],
    [3999, '[2k,4k)'],
    [4000, '[4k,20k]'],
    [20000, '[4k,20k]'],
  ] as const)('%d → %s', (length, bucket) => {
    expect(lengthBucket(length)).toBe(bucket);
  });

  it('leaves lengths above 20,000 (LongWrite-Ruler 30,000) outside every bucket', () => {
    expect(lengthBucket(20001)).toBeUndefined();
    expect(lengthBucket(30000)).toBeUndefined();
    expect(lengthBucket(-1)).toBeUndefined();
  });
});
