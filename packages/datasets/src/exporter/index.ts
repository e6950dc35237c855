export {
  type AddResult,
  createDatasetExporter,
  type DatasetExporter,
  type DatasetExportSummary,
  type ExportProgress,
  type GenerationFailure,
} from './create-dataset-exporter';
export {
  type DatasetExporterSettings,
  datasetCardSettingsSchema,
  datasetExporterSettingsSchema,
  parseDatasetExporterSettings,
  type ResolvedDatasetExporterSettings,
} from './dataset-exporter-settings';
export { type JournalRecord, journalRecordSchema } from './journal-record';
export { parseSettings } from './parse-settings';
