export {
  type BenchmarkPrompts,
  createDecontaminationFilter,
  type DecontaminationSettings,
} from './decontamination-filter';
export { createExactDedupFilter, type DedupField, exactDedupKey } from './exact-dedup-filter';
export {
  createSampleFilter,
  type FilterConfig,
  type FilterConfigInput,
  filterConfigSchema,
  parseFilterConfigs,
} from './filter-config';
export { createFilterPipeline, type FilterPipeline, type PipelineResult } from './filter-pipeline';
export { checkLength, createLengthFilter, type LengthBounds } from './length-filter';
export { checkLengthScore, createLengthScoreFilter } from './length-score-filter';
export { createNearDedupFilter, type NearDedupSettings } from './near-dedup-filter';
export type { FilterCheck, SampleFilter } from './sample-filter';
