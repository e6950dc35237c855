export {
  createPriceTable,
  DEFAULT_PRICES,
  defaultPriceTable,
  estimateCost,
  type ModelPrice,
  modelPriceSchema,
  PRICES_AS_OF,
  type PriceTable,
} from './price-table';
export { type TokenUsage, tokenUsageSchema, toTokenUsage } from './token-usage';
export { type UsageSummary, UsageTotals } from './usage-totals';
