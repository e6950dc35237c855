import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The resume key of a step: sha256 (hex) of the canonical JSON of everything that determines its
 * result (rendered prompt or template hash + variables, model id, decoding params, seed, attempt
 * index, stage). Leave out anything that does not change the result (base URL, API key,
 * concurrency), or a resumed run would redo finished work.
 */
export function stepKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}
