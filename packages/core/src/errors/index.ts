export { InvalidInputError } from './invalid-input-error';
export { ACCEPTED_MODEL_SPECS, InvalidModelSpecError } from './invalid-model-spec-error';
export { LongformError } from './longform-error';
export { MissingApiKeyError } from './missing-api-key-error';
export { RunConfigMismatchError } from './run-config-mismatch-error';
export { RunLockedError } from './run-locked-error';
export { TemplateError } from './template-error';
export { type TemplateVariableIssue, TemplateVariablesError } from './template-variables-error';
