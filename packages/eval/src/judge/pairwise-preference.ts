import { JudgeParseError } from './judge-parse-error';

/** One candidate token of the judge's first output position. */
export type TopLogprob = { token: string; logprob: number };

export type PairwiseCompletion = {
  text: string;
  /** Top alternatives of the first generated token, when the provider returns logprobs. */
  topLogprobs?: readonly TopLogprob[];
};

export type PairwisePreference = {
  /**
   * AlpacaEval encoding in the *original* order: 1 = output_1 (the baseline) wins, 2 = output_2
   * wins, 1.5 = draw; fractional when derived from logprobs.
   */
  preference: number;
  /** `logprobs` when the top-logprob formula was used, else `discrete`. */
  source: 'logprobs' | 'discrete';
};

/**
 * Turns a pairwise judge completion into an AlpacaEval preference.
 *
 * The judge saw the outputs in presented order: "m" is the first one shown, "M" the second. With
 * top logprobs (the `weighted_alpaca_eval_gpt4_turbo` rule) the presented preference is
 * `2 − P(m)/(P(m) + P(M))` over the tokens exactly equal to "m" and "M"; otherwise the answer text
 * must be exactly one identifier (after trimming). When the positions were swapped for this
 * instruction, the result is mapped back with `3 − x`.
 */
export function pairwisePreference(
  completion: PairwiseCompletion,
  { swapped }: { swapped: boolean },
): PairwisePreference {
  const fromLogprobs = logprobPreference(completion.topLogprobs);
  let presented: number;
  let source: PairwisePreference['source'];
  if (fromLogprobs !== undefined) {
    presented = fromLogprobs;
    source = 'logprobs';
  } else {
    const answer = completion.text.trim();
    if (answer === 'm') presented = 1;
    else if (answer === 'M') presented = 2;
    else {
      throw new JudgeParseError({ reason: 'expected exactly "m" or "M"', text: completion.text });
    }
    source = 'discrete';
  }
  return { preference: swapped ? 3 - presented : presented, source };
}

function logprobPreference(topLogprobs: readonly TopLogprob[] | undefined): number | undefined {
  if (!topLogprobs || topLogprobs.length === 0) return undefined;
  let m = Number.NEGATIVE_INFINITY;
  let M = Number.NEGATIVE_INFINITY;
  for (const { token, logprob } of topLogprobs) {
    // First occurrence wins, as a dict built from the list keeps the last; tokens are unique in
    // practice, so either rule gives the same answer.
    if (token === 'm' && m === Number.NEGATIVE_INFINITY) m = logprob;
    if (token === 'M' && M === Number.NEGATIVE_INFINITY) M = logprob;
  }
  if (m === Number.NEGATIVE_INFINITY && M === Number.NEGATIVE_INFINITY) return undefined;
  // P(m)/(P(m)+P(M)) computed in log space so tiny probabilities do not underflow to 0/0.
  const max = Math.max(m, M);
  const pm = Math.exp(m - max);
  const pM = Math.exp(M - max);
  return 2 - pm / (pm + pM);
}
