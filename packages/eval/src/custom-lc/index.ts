export {
  type AlignedCustomInstructions,
  alignCustomInstructions,
} from './align-custom-instructions';
export {
  type BuildSimulatedLeaderboardSettings,
  buildSimulatedLeaderboard,
  buildSimulatedLeaderboardSettingsSchema,
  SIMULATED_LEADERBOARD_LINEUP,
  type SimulatedLeaderboardModel,
  type SimulatedLeaderboardOutputs,
  type SimulatedModel,
  simulatedModelSchema,
} from './build-simulated-leaderboard';
export {
  type CustomLeaderboard,
  type CustomLeaderboardEntry,
  type CustomLeaderboardOptions,
  type CustomLeaderboardValidation,
  computeCustomLeaderboard,
  customLeaderboardOptionsSchema,
} from './compute-custom-leaderboard';
export {
  type CustomLcAnnotationSet,
  customLcAnnotationSet,
  parseCustomLcAnnotations,
  readCustomLcAnnotations,
} from './custom-lc-annotations';
export {
  type CustomLeaderboardModel,
  formatCustomLeaderboardJson,
  type RunCustomLeaderboardOptions,
  type RunCustomLeaderboardResult,
  runCustomLeaderboard,
} from './run-custom-leaderboard';
