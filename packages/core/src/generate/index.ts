export {
  type GenerateStepOptions,
  type GenerateStepParams,
  type GenerateStepResult,
  generateStep,
  generateStepDataSchema,
  generateStepKey,
  generateStepParamsSchema,
} from './generate-step';
export { observeRateLimits } from './observe-rate-limits';
