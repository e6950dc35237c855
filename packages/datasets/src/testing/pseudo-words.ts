/** Test helper: `count` deterministic pseudo-words from a 50k vocabulary (xorshift), for dedup-neutral texts. */
export function pseudoWords(seed: number, count: number): string[] {
  const out: string[] = [];
  let state = (seed * 2654435761) >>> 0 || 1;
  for (let w = 0; w < count; w++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out.push(`t${(state >>> 0) % 50_000}`);
  }
  return out;
}
