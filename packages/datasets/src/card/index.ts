export { type DatasetCardCounts, type DatasetCardInput, renderDatasetCard } from './dataset-card';
export {
  buildLengthHistogram,
  DEFAULT_HISTOGRAM_EDGES,
  type HistogramBin,
  renderLengthHistogram,
} from './length-histogram';
export {
  createLengthStats,
  type LengthStatsAccumulator,
  type LengthSummary,
  summarizeLengths,
} from './length-stats';
