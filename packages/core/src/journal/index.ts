export { type AcquireLockOptions, acquireLock, type ReleaseLock } from './acquire-lock';
export { appendJsonLine } from './append-json-line';
export { canonicalJson } from './canonical-json';
export { Journal, type JournalOpenOptions } from './journal';
export { type JournalEntry, type JournalEntryInput, journalEntrySchema } from './journal-entry';
export {
  differingFields,
  type OpenRunOptions,
  openRun,
  RUN_JOURNAL_FILE,
  RUN_MANIFEST_FILE,
  type Run,
} from './open-run';
export { parseWithSchema, type ReadJsonLinesOptions, readJsonLines } from './read-json-lines';
export {
  RUN_SCHEMA_VERSION,
  type RunManifest,
  type RunStatus,
  runManifestSchema,
  runStatusSchema,
} from './run-manifest';
export { stepKey } from './step-key';
export { isSecretName, stripSecrets } from './strip-secrets';
export { writeFileAtomic } from './write-file-atomic';
