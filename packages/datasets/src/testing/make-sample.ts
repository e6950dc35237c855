import type { SftSample } from '../sample/sft-sample';

/** Test helper: a valid sample with overridable fields. */
export function makeSample(
  id: string,
  overrides: Partial<Omit<SftSample, 'metadata'>> & {
    metadata?: Partial<SftSample['metadata']>;
  } = {},
): SftSample {
  const { metadata, ...rest } = overrides;
  return {
    id,
    instruction: `Instruction ${id}: write about topic ${id}.`,
    output: `Output ${id}. ${'Some words here. '.repeat(3)}`,
    ...rest,
    metadata: {
      lengths: { longwriter: 1000 },
      source: 'test',
      method: 'agentwrite',
      model: 'sim:writer',
      ...metadata,
    },
  };
}

/** Deterministic pseudo-prose of `words` words drawn from a seeded vocabulary. */
export function prose(seed: number, words: number): string {
  let state = seed >>> 0 || 1;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out.push(`w${(state >>> 0) % 20000}`);
  }
  return out.join(' ');
}
