export { CliContext, type GlobalOptions, type ModelChoice } from './cli-context';
export type { CliIo } from './cli-io';
export { createProgram } from './program';
export { runCli } from './run-cli';
