import { contentHash } from '../text/hash';

/**
 * Stable id for an instruction without one: derived from the prompt text, so the id survives
 * reordering or editing other lines of the file and a resumed run finds its journal entries.
 */
export function instructionId(prompt: string): string {
  return `p-${contentHash(prompt).slice(0, 16)}`;
}
