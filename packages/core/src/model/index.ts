export {
  describeModelConfig,
  formatModelConfig,
  type ModelConfigDescription,
  type SetOrNot,
} from './describe-model-config';
export { type ModelProviderName, type ParsedModelSpec, parseModelSpec } from './parse-model-spec';
export {
  type ModelCapabilities,
  type ResolvedModel,
  type ResolveModelOptions,
  redactURL,
  resolveModel,
} from './resolve-model';
