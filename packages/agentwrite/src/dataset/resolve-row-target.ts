import type { Instruction } from '@longform/datasets';
import { extractTargetLength } from '../length/extract-target-length';

export interface RowTarget {
  /** Required length in the LongWriter counter's units (words, or 字 for Chinese output). */
  words: number;
  /** `row`: the line's `length`/`words` field; `instruction`: read from the prompt; `default`: `defaultWords`. */
  source: 'row' | 'instruction' | 'default';
}

/**
 * The target length of one instruction row: the row's own `length`/`words` field, else the length
 * the prompt states (LongBench-Write annotation rules), else `defaultWords`.
 *
 * @throws TargetLengthNotFoundError when none of the three gives one.
 */
export function resolveRowTarget(
  instruction: Pick<Instruction, 'prompt' | 'requiredLength'>,
  defaultWords?: number,
): RowTarget {
  if (instruction.requiredLength !== undefined) {
    return { words: instruction.requiredLength, source: 'row' };
  }
  const found = extractTargetLength(
    instruction.prompt,
    defaultWords !== undefined ? { defaultWords } : {},
  );
  return { words: found.words, source: found.source === 'default' ? 'default' : 'instruction' };
}
