import { InvalidInputError, LongformError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { IncompleteResponseError } from './incomplete-response-error';
import { PlanError } from './plan-error';
import { SectionWriteError } from './section-write-error';
import { TargetLengthNotFoundError } from './target-length-not-found-error';

describe('agentwrite errors', () => {
  const errors = [
    new PlanError({ message: 'no lines', reason: 'no-sections', attempts: 3 }),
    new SectionWriteError({ message: 'empty', sectionIndex: 2, attempt: 1 }),
    new TargetLengthNotFoundError({ instruction: 'Write about kelp.' }),
    new IncompleteResponseError({ finishReason: 'error', stage: 'write', step: 'section-1' }),
  ];

  it('have stable names and are recognised by marker, each only by its own class', () => {
    expect(errors.map(e => e.name)).toEqual([
      'LongformPlanError',
      'LongformSectionWriteError',
      'LongformTargetLengthNotFoundError',
      'LongformIncompleteResponseError',
    ]);
    const checks = [
      PlanError,
      SectionWriteError,
      TargetLengthNotFoundError,
      IncompleteResponseError,
    ];
    errors.forEach((error, i) => {
      expect(LongformError.isInstance(error)).toBe(true);
      checks.forEach((check, k) => {
        expect(check.isInstance(error)).toBe(i === k);
      });
    });
    expect(PlanError.isInstance(new InvalidInputError({ message: 'x' }))).toBe(false);
  });

  it('say where and what', () => {
    expect(errors[1]!.message).toBe('section 3: empty');
    expect(errors[2]!.message).toMatch(/"Write about kelp\."; state one .* or pass --words N$/);
  });
});
