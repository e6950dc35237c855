import { createHash } from 'node:crypto';

/**
 * Whether the two outputs are shown to the judge in swapped order for this instruction. Seeded by
 * (seed, instruction) like AlpacaEval's per-instruction randomisation, so a rerun or a resumed run
 * presents every pair the same way, and a different model compared on the same instruction gets the
 * same order.
 */
export function isSwapped(seed: number, instruction: string): boolean {
  const digest = createHash('sha256').update(`${seed}\u0000${instruction}`).digest();
  return (digest[0]! & 1) === 1;
}
