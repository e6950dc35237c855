import type { LanguageModelUsage } from 'ai';
import { z } from 'zod';

const count = z.number().int().nonnegative();

/**
 * Token usage of one model call, in the flat JSON shape stored in journals. A field is absent when
 * the provider did not report it: a missing count is never replaced by zero, so totals and costs
 * can say they are incomplete instead of being quietly wrong.
 */
export const tokenUsageSchema = z.object({
  inputTokens: count.optional(),
  outputTokens: count.optional(),
  totalTokens: count.optional(),
  cachedInputTokens: count.optional(),
  reasoningTokens: count.optional(),
});

export type TokenUsage = z.infer<typeof tokenUsageSchema>;

/** Flattens the AI SDK's `LanguageModelUsage` (v7 detail fields) into a `TokenUsage`. */
export function toTokenUsage(usage: LanguageModelUsage | undefined): TokenUsage {
  if (usage == null) return {};
  const result: TokenUsage = {};
  if (usage.inputTokens != null) result.inputTokens = usage.inputTokens;
  if (usage.outputTokens != null) result.outputTokens = usage.outputTokens;
  const total =
    usage.totalTokens ??
    (usage.inputTokens != null && usage.outputTokens != null
      ? usage.inputTokens + usage.outputTokens
      : undefined);
  if (total != null) result.totalTokens = total;
  const cached = usage.inputTokenDetails?.cacheReadTokens;
  if (cached != null) result.cachedInputTokens = cached;
  const reasoning = usage.outputTokenDetails?.reasoningTokens;
  if (reasoning != null) result.reasoningTokens = reasoning;
  return result;
}
