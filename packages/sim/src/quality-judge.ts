import { parseQualityTag } from './quality-tag';
import type { Rng } from './random';

/** LongBench-Write's six judge dimensions, in the order of its output format. */
export const qualityJudgeDimensions = [
  'Relevance',
  'Accuracy',
  'Coherence',
  'Clarity',
  'Breadth and Depth',
  'Reading Experience',
] as const;

export type QualityJudgeScores = Record<(typeof qualityJudgeDimensions)[number], number>;

/** The response under review, when `text` is a LongBench-Write quality-judge prompt. */
export function parseQualityJudgePrompt(text: string): { response: string } | undefined {
  if (!qualityJudgeDimensions.every(d => text.includes(d))) return undefined;
  const blocks = [...text.matchAll(/<Response>([\s\S]*?)<\/Response>/g)];
  const last = blocks[blocks.length - 1];
  return last ? { response: last[1]! } : undefined;
}

/**
 * Scores per dimension: `clamp(round(1 + 4·q + noise·z_d), 1, 5)` with q the response's quality
 * tag (0.5 when untagged) and z_d a seeded standard normal per dimension.
 */
export function qualityJudgeScores({
  response,
  noise,
  rng,
}: {
  response: string;
  noise: number;
  rng: Rng;
}): QualityJudgeScores {
  const q = parseQualityTag(response) ?? 0.5;
  const scores = {} as QualityJudgeScores;
  for (const d of qualityJudgeDimensions) {
    scores[d] = Math.min(5, Math.max(1, Math.round(1 + 4 * q + noise * rng.normal())));
  }
  return scores;
}

/** The judge's reply: a one-sentence analysis, then the JSON object in a ```json fence. */
export function formatQualityJudgeReply(
  scores: QualityJudgeScores,
  { fenced = true } = {},
): string {
  const mean =
    qualityJudgeDimensions.reduce((sum, d) => sum + scores[d], 0) / qualityJudgeDimensions.length;
  const analysis =
    mean >= 4
      ? 'The response is relevant, well organised and detailed, with only minor weaknesses.'
      : mean >= 3
        ? 'The response is relevant and readable but uneven in depth and detail.'
        : 'The response is weakly organised and thin in substance.';
  const json = JSON.stringify({ Analysis: analysis, ...scores });
  return fenced ? `${analysis}\n\n\`\`\`json\n${json}\n\`\`\`` : json;
}
