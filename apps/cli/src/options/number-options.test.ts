import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { nonNegativeInteger, nonNegativeNumber, positiveInteger } from './number-options';

describe('number option parsers', () => {
  it('accept what they promise', () => {
    expect(positiveInteger('--n')('4')).toBe(4);
    expect(nonNegativeInteger('--seed')('0')).toBe(0);
    expect(nonNegativeNumber('--temperature')('0.7')).toBe(0.7);
    expect(nonNegativeNumber('--temperature')('0')).toBe(0);
  });

  it.each([
    [positiveInteger('--n'), '0', '--n must be a positive integer'],
    [positiveInteger('--n'), '1.5', '--n must be a positive integer'],
    [positiveInteger('--n'), 'x', '--n must be a positive integer'],
    [nonNegativeInteger('--seed'), '-1', '--seed must be an integer ≥ 0'],
    [nonNegativeInteger('--seed'), '0.5', '--seed must be an integer ≥ 0'],
    [nonNegativeNumber('--t'), '-0.1', '--t must be a number ≥ 0'],
    [nonNegativeNumber('--t'), 'Infinity', '--t must be a number ≥ 0'],
  ])('reject a bad value naming the option (%#)', (parse, value, message) => {
    expect(() => parse(value)).toThrow(InvalidArgumentError);
    expect(() => parse(value)).toThrow(message);
  });
});
