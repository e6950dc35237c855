export { DatasetExporterStateError } from './dataset-exporter-state-error';
export { DatasetJournalError } from './dataset-journal-error';
