import { describe, expect, it } from 'vitest';
import { hashItems } from './hash-items';

describe('hashItems', () => {
  it('is a stable sha256 of the JSON that changes with any item', () => {
    expect(hashItems([{ a: 1 }])).toBe(hashItems([{ a: 1 }]));
    expect(hashItems([{ a: 1 }])).toMatch(/^[0-9a-f]{64}$/);
    expect(hashItems([{ a: 1 }])).not.toBe(hashItems([{ a: 2 }]));
    expect(hashItems([])).not.toBe(hashItems([{}]));
  });
});
