export { InvalidInputError } from './invalid-input-error';
export { LongformError } from './longform-error';
