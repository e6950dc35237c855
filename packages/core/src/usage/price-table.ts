import { z } from 'zod';
import type { TokenUsage } from './token-usage';

/** USD per 1M tokens. `cachedInput` is the price of prompt-cache reads; when absent they cost `input`. */
export const modelPriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cachedInput: z.number().nonnegative().optional(),
});

export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** When the default prices below were taken from OpenAI's public price list. */
export const PRICES_AS_OF = '2025-08';

/**
 * OpenAI list prices (standard tier, USD per 1M tokens). Prices change: override them with
 * `createPriceTable({...})` rather than trusting these for billing.
 */
export const DEFAULT_PRICES: Readonly<Record<string, ModelPrice>> = Object.freeze({
  'gpt-5': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gpt-5-mini': { input: 0.25, output: 2, cachedInput: 0.025 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cachedInput: 0.005 },
  'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  'gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'gpt-4o-2024-05-13': { input: 5, output: 15 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  o1: { input: 15, output: 60, cachedInput: 7.5 },
  o3: { input: 2, output: 8, cachedInput: 0.5 },
  'o3-mini': { input: 1.1, output: 4.4, cachedInput: 0.55 },
  'o4-mini': { input: 1.1, output: 4.4, cachedInput: 0.275 },
});

const ZERO: ModelPrice = Object.freeze({ input: 0, output: 0 });
const DATED_SNAPSHOT = /-\d{4}-\d{2}-\d{2}$/;

export interface PriceTable {
  /** The price of a model, by spec (`openai:gpt-4o`, `sim:noisy`, `compat:llama3`) or bare id. */
  lookup(model: string): ModelPrice | undefined;
  /** USD cost of one usage record, or `undefined` when the price or a token count is unknown. */
  estimateCost(model: string, usage: TokenUsage): number | undefined;
}

/**
 * A price table: the defaults plus `overrides` (keyed by bare id or full spec; an override wins).
 * The simulator is free. OpenAI defaults apply only to `openai:` specs and bare ids, never to models
 * behind an OpenAI-compatible server, whose price longform cannot know.
 */
export function createPriceTable(overrides: Record<string, ModelPrice> = {}): PriceTable {
  const custom = new Map<string, ModelPrice>();
  for (const [id, price] of Object.entries(overrides)) {
    const parsed = modelPriceSchema.safeParse(price);
    if (!parsed.success) {
      throw new TypeError(`price override "${id}": ${parsed.error.issues[0]?.message}`);
    }
    custom.set(id, parsed.data);
  }

  const lookup = (model: string): ModelPrice | undefined => {
    const exact = custom.get(model);
    if (exact) return exact;
    if (model === 'sim' || model.startsWith('sim:')) return ZERO;
    const colon = model.indexOf(':');
    const prefix = colon === -1 ? undefined : model.slice(0, colon);
    const id = prefix === undefined ? model : model.slice(colon + 1);
    const own = custom.get(id);
    if (own) return own;
    if (prefix !== undefined && prefix !== 'openai') return undefined;
    return DEFAULT_PRICES[id] ?? DEFAULT_PRICES[id.replace(DATED_SNAPSHOT, '')];
  };

  return {
    lookup,
    estimateCost(model, usage) {
      const price = lookup(model);
      if (!price || usage.inputTokens == null || usage.outputTokens == null) return undefined;
      const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
      const cachedPrice = price.cachedInput ?? price.input;
      return (
        ((usage.inputTokens - cached) * price.input +
          cached * cachedPrice +
          usage.outputTokens * price.output) /
        1_000_000
      );
    },
  };
}

export const defaultPriceTable: PriceTable = createPriceTable();

/** USD cost of `usage` with the default prices; `undefined` when unknown (never a guess). */
export function estimateCost(
  model: string,
  usage: TokenUsage,
  prices: PriceTable = defaultPriceTable,
): number | undefined {
  return prices.estimateCost(model, usage);
}
