import { InvalidArgumentError } from 'commander';

/** Commander parsers for numeric options; the error names the option, as commander prints it. */
export function positiveInteger(name: string): (value: string) => number {
  return value => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0)
      throw new InvalidArgumentError(`${name} must be a positive integer`);
    return parsed;
  };
}

export function nonNegativeInteger(name: string): (value: string) => number {
  return value => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0)
      throw new InvalidArgumentError(`${name} must be an integer ≥ 0`);
    return parsed;
  };
}

export function nonNegativeNumber(name: string): (value: string) => number {
  return value => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0)
      throw new InvalidArgumentError(`${name} must be a number ≥ 0`);
    return parsed;
  };
}
