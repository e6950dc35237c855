export { IncompleteResponseError } from './incomplete-response-error';
export { PlanError } from './plan-error';
export { SectionWriteError } from './section-write-error';
export { TargetLengthNotFoundError } from './target-length-not-found-error';
