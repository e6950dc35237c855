import { z } from 'zod';

/**
 * Output formats and their fixed file names. `alpaca-json` is the JSON-array flavour LLaMA-Factory
 * and Self-Lengthen's training configs load; `llama-factory` writes `dataset_info.json` for the data
 * formats selected alongside it.
 */
export const exportFormatSchema = z.enum([
  'openai',
  'sharegpt',
  'alpaca',
  'alpaca-json',
  'metadata',
  'rejected',
  'llama-factory',
]);

export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const EXPORT_FILE_NAMES = {
  openai: 'openai.jsonl',
  sharegpt: 'sharegpt.jsonl',
  alpaca: 'alpaca.jsonl',
  'alpaca-json': 'alpaca.json',
  metadata: 'metadata.jsonl',
  rejected: 'rejected.jsonl',
  'llama-factory': 'dataset_info.json',
} as const satisfies Record<ExportFormat, string>;

export const DEFAULT_EXPORT_FORMATS: readonly ExportFormat[] = exportFormatSchema.options;
