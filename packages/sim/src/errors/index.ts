export { SimError } from './sim-error';
export { SimInvalidRequestError } from './sim-invalid-request-error';
export { SimInvalidSettingsError } from './sim-invalid-settings-error';
export { SimUnknownModelError } from './sim-unknown-model-error';
