export {
  type AgentWriteDatasetFormat,
  type AgentWriteDatasetOptions,
  agentWriteDatasetFormatSchema,
  agentWriteDatasetOptionsSchema,
  DEFAULT_AGENTWRITE_DATASET_FORMATS,
  parseAgentWriteDatasetOptions,
  type ResolvedAgentWriteDatasetOptions,
} from './agent-write-dataset-settings';
export {
  type AgentWriteDatasetBuilder,
  type AgentWriteDatasetBuilderSettings,
  type AgentWriteDatasetResult,
  type BuildDatasetRequest,
  createAgentWriteDatasetBuilder,
} from './create-agent-write-dataset-builder';
export type { AgentWriteDatasetEvent, DatasetFailureReason } from './dataset-events';
export { buildDatasetFilters } from './dataset-filters';
export { type RowTarget, resolveRowTarget } from './resolve-row-target';
export { type RunInOrderOptions, type RunInOrderStats, runInOrder } from './run-in-order';
export { type ToAgentWriteSampleInput, toAgentWriteSample } from './to-agentwrite-sample';
