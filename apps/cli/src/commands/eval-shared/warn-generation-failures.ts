import type { CliContext } from '../../cli-context';

/** Warns once per failed generation; such items are left out of the scores, never scored as 0. */
export function warnGenerationFailures(
  context: CliContext,
  failures: ReadonlyArray<{ index: number; error: string }>,
  noun: 'item' | 'row',
): void {
  for (const failure of failures) {
    context.warn(
      `${noun} ${failure.index + 1}: generation failed, left out of the scores (${failure.error})`,
    );
  }
}
