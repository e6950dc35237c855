import type { TopLogprob } from './pairwise-preference';

type ProviderMetadata = Record<string, Record<string, unknown> | undefined> | undefined;

/**
 * The top alternatives of the first generated token, from `providerMetadata.<provider>.logprobs` in
 * OpenAI's `choices[0].logprobs.content` shape (`[{token, logprob, top_logprobs: [{token, logprob}]}]`),
 * which the OpenAI provider and the simulator both return. `undefined` when none is present.
 */
export function extractTopLogprobs(providerMetadata: ProviderMetadata): TopLogprob[] | undefined {
  if (!providerMetadata) return undefined;
  for (const namespace of Object.values(providerMetadata)) {
    const logprobs = namespace?.logprobs;
    if (!Array.isArray(logprobs) || logprobs.length === 0) continue;
    const first = logprobs[0] as { top_logprobs?: unknown };
    if (!Array.isArray(first?.top_logprobs)) continue;
    const top: TopLogprob[] = [];
    for (const candidate of first.top_logprobs as Array<{ token?: unknown; logprob?: unknown }>) {
      if (typeof candidate?.token === 'string' && typeof candidate.logprob === 'number') {
        top.push({ token: candidate.token, logprob: candidate.logprob });
      }
    }
    if (top.length > 0) return top;
  }
  return undefined;
}
