export {
  type AlpacaEvalAnnotation,
  type AlpacaEvalAnnotationSet,
  alpacaEvalAnnotationSchema,
  modelNameFromPath,
  parseAlpacaEvalAnnotations,
  readAlpacaEvalAnnotations,
} from './alpaca-eval-annotations';
export { boundedRand } from './bounded-rand';
export {
  type ConformanceRow,
  conformanceRowSchema,
  parseConformanceRows,
} from './conformance-rows';
export {
  type CustomLengthControlledWinRateOptions,
  computeCustomLengthControlledWinRate,
} from './custom-length-controlled-win-rate';
export {
  type EvaluateLcOptions,
  evaluateLcLeaderboardEntry,
} from './evaluate-lc-leaderboard-entry';
export {
  type DifficultyFitModel,
  type FitInstructionDifficultySettings,
  fitInstructionDifficulty,
  type InstructionDifficultyFit,
} from './fit-instruction-difficulty';
export {
  groupKFoldAssignment,
  LC_FOLD_ORDERS,
  type LcFoldOrder,
  legacyArgsortOfEqualKeys,
} from './fold-order';
export { type GamedData, type GamedRow, gamedRowSchema, parseGamedData } from './gamed-data';
export { GamedDataUnavailableError } from './gamed-data-unavailable-error';
export {
  fitL1LogisticRegression,
  type L1LogisticRegressionFit,
  type L1LogisticRegressionProblem,
  type L1LogisticRegressionSettings,
} from './l1-logistic-regression';
export {
  ALPACA_EVAL_INSTRUCTION_COUNT,
  LC_C_GRID,
  LC_FOLD_COUNT,
  LC_GAMED_ROW_WEIGHT,
  LC_LIBLINEAR_SEEDS,
} from './lc-constants';
export { crossValidateLc, selectCIndex, softLabelProblem } from './lc-cross-validation';
export {
  buildLcDesign,
  LC_FEATURE_COUNT,
  type LcAlignment,
  type LcDesign,
  type LcRow,
} from './lc-design';
export {
  formatLcLeaderboardCsv,
  formatLcLeaderboardJson,
  LC_LEADERBOARD_COLUMNS,
  type LcLeaderboardEntry,
  writeLcLeaderboard,
} from './lc-leaderboard';
export type { LcWarning } from './lc-warning';
export {
  computeLengthControlledWinRate,
  fitLcDesign,
  type LengthControlledWinRate,
  type LengthControlledWinRateOptions,
  lcFarFromWinRate,
} from './length-controlled-win-rate';
export {
  DF_GAMED_SHA256,
  DF_GAMED_URL,
  type LoadGamedDataOptions,
  loadGamedData,
} from './load-gamed-data';
export { Mt19937 } from './mt19937';
export { type CsvRecord, parseCsv } from './parse-csv';
export { computeRawWinRate, type RawWinRate } from './raw-win-rate';
export {
  type SimulatedLeaderboard,
  type SimulatedLeaderboardSettings,
  simulateLeaderboard,
} from './simulated-leaderboard';
export { averageRanks, spearman } from './spearman';
