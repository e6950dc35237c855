export { type FilterVerdict, filterVerdictSchema } from './filter-verdict';
export { parseSftSample } from './parse-sft-sample';
export {
  type SftSample,
  type SftSampleMetadata,
  sftSampleMetadataSchema,
  sftSampleSchema,
} from './sft-sample';
