import { InvalidLengthError } from './invalid-length-error';

/**
 * LongBench-Write length score S_l for one output (THUDM/LongWriter: evaluation/eval_length.py).
 *
 * `required` is the row's `length` field, `actual` the output counted with `countWordsLongWriter`.
 * The expression keeps upstream's evaluation order so results are bit-identical to Python.
 * An empty output (`actual === 0`) scores 0, where upstream divides by zero; `required ≤ 0` throws.
 */
export function scoreLength(required: number, actual: number): number {
  if (!Number.isFinite(required) || required <= 0) {
    throw new InvalidLengthError({ field: 'required', value: required });
  }
  if (!Number.isFinite(actual) || actual < 0) {
    throw new InvalidLengthError({ field: 'actual', value: actual });
  }
  const x = required;
  const y = actual;
  if (y > x) {
    return 100 * Math.max(0, 1 - (y / x - 1) / 3);
  }
  // y = 0 gives x / y = Infinity and hence 0, the defined result for an empty output.
  return 100 * Math.max(0, 1 - (x / y - 1) / 2);
}
