import { writeFileAtomic } from '@longform/core';
import type { AlpacaAnnotation } from './alpaca-annotation';

/**
 * Writes `annotations.json` in AlpacaEval's format (a pretty-printed JSON array), atomically, so a
 * crash never leaves a half-written file that the LC fit would read.
 */
export async function writeAnnotations(
  file: string,
  annotations: readonly AlpacaAnnotation[],
): Promise<string> {
  await writeFileAtomic(file, `${JSON.stringify(annotations, null, 2)}\n`);
  return file;
}
