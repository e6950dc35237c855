export { type AssembleDocumentOptions, assembleDocument } from './assembly/assemble-document';
export {
  type CleanedSection,
  type CleanSectionOptions,
  cleanSection,
} from './assembly/clean-section';
export {
  type BuildContextOptions,
  type BuiltContext,
  buildContext,
  type ContextPolicy,
  type ContextSection,
  digestSection,
} from './context/build-context';
export * from './dataset';
export {
  IncompleteResponseError,
  PlanError,
  SectionWriteError,
  TargetLengthNotFoundError,
} from './errors';
export {
  type ControlAction,
  decideControlAction,
  type LengthTolerance,
} from './length/control-action';
export {
  detectOutputLanguage,
  type ExtractTargetLengthOptions,
  extractTargetLength,
  type OutputLanguage,
  type TargetLength,
} from './length/extract-target-length';
export { createLengthCalibrator, type LengthCalibrator } from './length/length-calibrator';
export { type Counter, type TrimResult, trimToLength } from './length/trim-to-length';
export {
  type NormalizedPlan,
  type NormalizePlanOptions,
  normalizePlan,
  rescaleTargets,
  type SectionBounds,
} from './plan/normalize-plan';
export { PLAN_LINE_REGEX, type PlanLine, parsePlanLine } from './plan/parse-plan-line';
export { type IgnoredPlanLine, type ParsedPlanText, parsePlanText } from './plan/parse-plan-text';
export {
  formatPlanFile,
  type PlanFileFormat,
  parsePlanFile,
  planFileFormat,
  readPlanFile,
  writePlanFile,
} from './plan/plan-file';
export {
  type Plan,
  type PlanFile,
  type PlanSection,
  planFileSchema,
  planSchema,
  planSectionSchema,
} from './plan/plan-schema';
export {
  createRunReport,
  formatRunReport,
  type RunReport,
  type RunReportSection,
} from './report/run-report';
export {
  type AgentWriterOptions,
  agentWriterOptionsSchema,
  FAITHFUL_PARAMETERS,
  type ResolvedAgentWriterOptions,
  type WriterMode,
} from './writer/agent-writer-settings';
export {
  type AgentWriter,
  type AgentWriterSettings,
  createAgentWriter,
  type PlanRequest,
  type PlanResult,
  type WriteRequest,
  type WriteResult,
} from './writer/create-agent-writer';
export {
  createModelStepRunner,
  type ModelStepRunnerOptions,
} from './writer/create-model-step-runner';
export { createRunStepRunner, type RunStepRunnerSettings } from './writer/create-run-step-runner';
export type { StepRequest, StepResult, StepRunner, WriterStage } from './writer/step-runner';
export type {
  AttemptKind,
  SectionAttempt,
  SectionReport,
  WriterEvent,
} from './writer/writer-events';
