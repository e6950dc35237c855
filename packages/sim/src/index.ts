export {
  detectPlanTotal,
  formatPlanLines,
  isAgentWritePlanPrompt,
  planLineOptions,
  splitPlanTargets,
} from './agentwrite-plan';
export {
  detectRequestedLength,
  parseChineseNumber,
  type RequestedLength,
} from './detect-requested-length';
export {
  SimError,
  SimInvalidRequestError,
  SimInvalidSettingsError,
  SimUnknownModelError,
} from './errors';
export { estimateTokens, truncateToTokens } from './estimate-tokens';
export { countSimUnits, generatePhrase, generateProse, type ProseLanguage } from './generate-prose';
export {
  detectProseLanguage,
  generateSimResponse,
  type SimChatMessage,
  type SimRequest,
  type SimResponse,
  type SimTask,
  type SimTokenLogprob,
  type SimTopLogprob,
} from './generate-sim-response';
export {
  findPlanArray,
  generateJsonSchemaValue,
  type PlanArrayLocation,
} from './json-schema-value';
export { profileRatios, profileSpreads, profileTargetUnits } from './length-profile';
export {
  type PairwiseJudgeParameters,
  type PairwiseOutputs,
  pairwiseJudgeProbability,
  parsePairwiseJudgePrompt,
} from './pairwise-judge';
export { type ParsedOpenAIRequest, parseOpenAIRequest } from './parse-openai-request';
export {
  formatQualityJudgeReply,
  parseQualityJudgePrompt,
  type QualityJudgeScores,
  qualityJudgeDimensions,
  qualityJudgeScores,
} from './quality-judge';
export { formatQualityTag, parseQualityTag, stripQualityTags } from './quality-tag';
export { createRng, hashString, hashValues, type Rng } from './random';
export { SimEngine, type SimFault, type SimStats } from './sim-engine';
export { SimLanguageModel } from './sim-language-model';
export { createSim, type SimModelId, type SimProvider, sim } from './sim-provider';
export { type SimServer, type SimServerSettings, startSimServer } from './sim-server';
export {
  listSimModelIds,
  parseSimModelId,
  type ResolvedSimSettings,
  resolveSimSettings,
  type SimModelSpec,
  type SimProfile,
  type SimSettings,
  simCapacitySchema,
  simFaultsSchema,
  simJudgeSchema,
  simLatencySchema,
  simProfileSchema,
  simProfiles,
  simSettingsSchema,
} from './sim-settings';
