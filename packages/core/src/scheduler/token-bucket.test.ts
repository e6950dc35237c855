import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('refills continuously up to capacity and computes waits', () => {
    let now = 0;
    const bucket = new TokenBucket(600, { windowMs: 60_000, now: () => now });
    expect(bucket.waitTime(600)).toBe(0);
    bucket.take(500);
    expect(bucket.available).toBe(100);
    // 10 tokens per second: 200 more tokens take 20 s.
    expect(bucket.waitTime(300)).toBe(20_000);
    now = 20_000;
    expect(bucket.available).toBe(300);
    now = 1_000_000;
    expect(bucket.available).toBe(600);
  });

  it('caps a request larger than the bucket at the capacity', () => {
    const bucket = new TokenBucket(100, { now: () => 0 });
    expect(bucket.waitTime(10_000)).toBe(0);
  });

  it('settles estimates against actual usage, including debt', () => {
    const now = 0;
    const bucket = new TokenBucket(1000, { now: () => now });
    bucket.take(400);
    bucket.adjust(400, 100);
    expect(bucket.available).toBe(900);
    bucket.take(500);
    bucket.adjust(500, 1500);
    expect(bucket.available).toBe(-600);
    expect(bucket.waitTime(100)).toBe(42_000);
    expect(() => new TokenBucket(0)).toThrow(RangeError);
  });
});
