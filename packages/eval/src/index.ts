// Kept for callers of the eval API; the implementation lives in core, shared with agentwrite.
export { normalizeNumerals, parseChineseNumeral } from '@longform/core';
export * from './custom-lc';
export type { AlpacaAnnotation, AlpacaModelOutput } from './judge/alpaca-annotation';
export { alpacaAnnotationSchema, alpacaModelOutputSchema } from './judge/alpaca-annotation';
export type {
  PairwiseJudge,
  PairwiseJudgeInput,
  PairwiseJudgeOptions,
  PairwiseJudgeSummary,
} from './judge/create-pairwise-judge';
export { createPairwiseJudge, pairwiseJudgeOptionsSchema } from './judge/create-pairwise-judge';
export { extractTopLogprobs } from './judge/extract-top-logprobs';
export { JudgeParseError } from './judge/judge-parse-error';
export { loadModelOutputs } from './judge/load-model-outputs';
export { pairModelOutputs } from './judge/pair-model-outputs';
export {
  PAIRWISE_JUDGE_PROMPT_VERSION,
  PAIRWISE_JUDGE_SYSTEM,
  PAIRWISE_JUDGE_TEMPLATE,
  pairwiseJudgeTemplate,
  renderPairwiseJudgePrompt,
} from './judge/pairwise-judge-prompt';
export type {
  PairwiseCompletion,
  PairwisePreference,
  TopLogprob,
} from './judge/pairwise-preference';
export { pairwisePreference } from './judge/pairwise-preference';
export { isSwapped } from './judge/position-swap';
export { writeAnnotations } from './judge/write-annotations';
export * from './lc';
export type {
  LongBenchWriteGroupScore,
  LongBenchWriteItemScore,
  LongBenchWriteReport,
  LongBenchWriteScoredInput,
  QualityOutcome,
} from './longbench-write/aggregate-longbench-write';
export { aggregateLongBenchWrite } from './longbench-write/aggregate-longbench-write';
export type { QualityAggregate } from './longbench-write/aggregate-quality';
export { aggregateQuality } from './longbench-write/aggregate-quality';
export type { GeneratedResponse, GenerationFailure } from './longbench-write/generate-responses';
export { generateResponses } from './longbench-write/generate-responses';
export { InvalidLengthError } from './longbench-write/invalid-length-error';
export type { LengthBucket } from './longbench-write/length-bucket';
export { LONG_BENCH_WRITE_BUCKETS, lengthBucket } from './longbench-write/length-bucket';
export type {
  LongBenchWriteItem,
  LongBenchWriteLanguageOption,
} from './longbench-write/load-longbench-write';
export {
  detectLongBenchWriteLanguage,
  loadLongBenchWrite,
} from './longbench-write/load-longbench-write';
export {
  loadLongBenchWritePredictions,
  longBenchWritePredictionRowSchema,
} from './longbench-write/load-longbench-write-predictions';
export type {
  LongBenchWriteLanguage,
  LongBenchWriteRow,
} from './longbench-write/longbench-write-row';
export { longBenchWriteRowSchema } from './longbench-write/longbench-write-row';
export type { QualityJudgement, QualityParseMode } from './longbench-write/parse-quality-judgement';
export { parseQualityJudgement } from './longbench-write/parse-quality-judgement';
export type { QualityDimension, QualityScores } from './longbench-write/quality-dimensions';
export { QUALITY_DIMENSIONS } from './longbench-write/quality-dimensions';
export {
  QUALITY_JUDGE_PROMPT_VERSION,
  QUALITY_JUDGE_TEMPLATE,
  qualityJudgeTemplate,
  renderQualityJudgePrompt,
} from './longbench-write/quality-judge-prompt';
export type {
  LongBenchWriteJudgement,
  LongBenchWritePrediction,
  LongBenchWriteRunItem,
  LongBenchWriteRunOptions,
  LongBenchWriteRunResult,
} from './longbench-write/run-longbench-write';
export {
  longBenchWriteRunOptionsSchema,
  runLongBenchWrite,
} from './longbench-write/run-longbench-write';
export { scoreLength } from './longbench-write/score-length';
export { loadLonGen, loadLonGenQueries } from './longen/load-longen';
export type { LonGenQueryRow, LonGenRow } from './longen/longen-row';
export { lonGenQueryRowSchema, lonGenRowSchema } from './longen/longen-row';
export type { LonGenType } from './longen/longen-type';
export { LONGEN_TYPES } from './longen/longen-type';
export type { LonGenWindow } from './longen/parse-longen-constraint';
export { parseLonGenConstraint } from './longen/parse-longen-constraint';
export type { LonGenRunItem, LonGenRunOptions, LonGenRunResult } from './longen/run-longen';
export { lonGenRunOptionsSchema, runLonGen } from './longen/run-longen';
export { scoreLengthFollowing } from './longen/score-length-following';
export type { LonGenInput, LonGenItemScore, LonGenReport } from './longen/score-longen';
export { scoreLonGen } from './longen/score-longen';
export type {
  TlgErrorStats,
  TlgLevelName,
  TlgRecord,
  TlgReport,
  TlgScore,
  TlgTargetCounts,
} from './ruler/aggregate-tlg';
export { aggregateTlg, aggregateTlgCounts } from './ruler/aggregate-tlg';
export { formatFixed2 } from './ruler/format-percent';
export { mltForLength } from './ruler/mlt-for-length';
export type { LengthInterval, MltEntry, MltScheme, MltTarget, TlgLevel } from './ruler/mlt-scheme';
export {
  formatInterval,
  inInterval,
  isMltTarget,
  MLT_SCHEMES,
  MLT_TARGETS,
  mltEntry,
  rulerCodeScheme,
  rulerPaperScheme,
} from './ruler/mlt-scheme';
export type { LengthConstraint } from './ruler/parse-length-constraint';
export { constraintTarget, parseLengthConstraint } from './ruler/parse-length-constraint';
export { fmBucket, fmWindow, pmWindow, scoreFM, scorePM } from './ruler/pm-fm';
export type { MltTargetPolicy, ResolvedMltTarget } from './ruler/resolve-mlt-target';
export { resolveMltTarget } from './ruler/resolve-mlt-target';
export type { TlgRunItem, TlgRunOptions, TlgRunResult } from './ruler/run-tlg';
export { runTlg, tlgRunOptionsSchema } from './ruler/run-tlg';
export type { SgmItemScore, SgmReport, SgmUpstreamItem } from './ruler/score-sgm';
export { aggregateSgm, SgmUpstreamError, scoreSgm, scoreSgmUpstream } from './ruler/score-sgm';
export { tlgPrompt } from './ruler/tlg-prompt';
