import { parseQualityTag, stripQualityTags } from './quality-tag';

/** The two outputs of an AlpacaEval `alpaca_eval_clf_gpt4_turbo` prompt: `m` is shown first. */
export type PairwiseOutputs = { first: string; second: string };

const OUTPUT = /"model_identifier"\s*:\s*"([mM])"\s*,\s*"output"\s*:\s*"""([\s\S]*?)"""/g;

/**
 * Reads the outputs labelled `"model_identifier": "m"` and `"model_identifier": "M"` (each with an
 * `"output": """…"""`). `undefined` unless both are present.
 */
export function parsePairwiseJudgePrompt(text: string): PairwiseOutputs | undefined {
  let first: string | undefined;
  let second: string | undefined;
  for (const match of text.matchAll(OUTPUT)) {
    if (match[1] === 'm' && first === undefined) first = match[2];
    if (match[1] === 'M' && second === undefined) second = match[2];
  }
  return first === undefined || second === undefined ? undefined : { first, second };
}

export type PairwiseJudgeParameters = { lengthBias: number; qualityWeight: number; noise: number };

/**
 * The simulated judge's probability that the first output (`m`) is better:
 *
 *   q_i     = parseQualityTag(output_i) ?? 0.5
 *   L_i     = code points of output_i without quality tags, trimmed
 *   logit   = qualityWeight·(q_1 − q_2) + lengthBias·tanh(ln((L_1 + 1)/(L_2 + 1))) + noise·z
 *   P(m)    = 1 / (1 + exp(−logit))
 *
 * `z` is a standard normal drawn from the seed and the request (pass 0 for the noise-free value).
 */
export function pairwiseJudgeProbability({
  first,
  second,
  judge,
  z = 0,
}: PairwiseOutputs & { judge: PairwiseJudgeParameters; z?: number }): number {
  const q1 = parseQualityTag(first) ?? 0.5;
  const q2 = parseQualityTag(second) ?? 0.5;
  const l1 = [...stripQualityTags(first).trim()].length;
  const l2 = [...stripQualityTags(second).trim()].length;
  const logit =
    judge.qualityWeight * (q1 - q2) +
    judge.lengthBias * Math.tanh(Math.log((l1 + 1) / (l2 + 1))) +
    judge.noise * z;
  return 1 / (1 + Math.exp(-logit));
}
