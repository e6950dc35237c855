export { type AlpacaRecord, alpacaRecordSchema, toAlpacaRecord } from './alpaca-format';
export {
  DEFAULT_EXPORT_FORMATS,
  EXPORT_FILE_NAMES,
  type ExportFormat,
  exportFormatSchema,
} from './export-format';
export {
  alpacaDatasetEntry,
  type LlamaFactoryDatasetEntry,
  type LlamaFactoryDatasetInfo,
  llamaFactoryDatasetEntrySchema,
  llamaFactoryDatasetInfoSchema,
  openAiDatasetEntry,
  shareGptDatasetEntry,
} from './llama-factory-dataset-info';
export { type MetadataRecord, metadataRecordSchema, toMetadataRecord } from './metadata-format';
export { type OpenAiRecord, openAiRecordSchema, toOpenAiRecord } from './openai-format';
export { type RejectedRecord, rejectedRecordSchema } from './rejected-format';
export { type ShareGptRecord, shareGptRecordSchema, toShareGptRecord } from './sharegpt-format';
