import { InvalidInputError, isSecretName, lengthCounterNameSchema } from '@longform/core';
import { z } from 'zod';
import { filterConfigSchema } from '../filters/filter-config';
import { DEFAULT_EXPORT_FORMATS, exportFormatSchema } from '../formats/export-format';
import { parseSettings } from './parse-settings';

export const datasetCardSettingsSchema = z.object({
  title: z.string().min(1).optional(),
  description: z.string().optional(),
  /** Hugging Face licence id (`apache-2.0`, `cc-by-4.0`, `other`, …). */
  license: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.+-]*$/,
      'must be a Hugging Face licence id such as "apache-2.0" or "other"',
    )
    .default('other'),
  licenseNotes: z.array(z.string().min(1)).default([]),
  /** ISO 639-1 codes; detected from the kept outputs when omitted. */
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/, 'must be a language code like "en"'))
    .optional(),
  tags: z.array(z.string().min(1)).default([]),
});

export const datasetExporterSettingsSchema = z
  .object({
    /** Output directory; created if missing. */
    dir: z.string().min(1),
    /** Dataset name: the `dataset_info.json` key prefix. */
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "_", "." and "-"')
      .default('longform_sft'),
    formats: z
      .array(exportFormatSchema)
      .min(1)
      .default([...DEFAULT_EXPORT_FORMATS])
      .transform(formats => [...new Set(formats)]),
    /** Applied in order; the first that rejects a sample names the drop reason. */
    filters: z.array(filterConfigSchema).default([]),
    /** Run journal path; defaults to `<dir>/.longform/dataset-journal.jsonl`. */
    journal: z.string().min(1).optional(),
    card: z
      .union([z.literal(false), datasetCardSettingsSchema])
      .default(datasetCardSettingsSchema.parse({})),
    histogram: z
      .object({
        counter: lengthCounterNameSchema.optional(),
        edges: z.array(z.number().nonnegative()).min(1).optional(),
      })
      .default({}),
    /** Run settings shown in the card (seed, temperature, …). Secret-looking names are refused. */
    runConfig: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .refine(
    s =>
      !s.formats.includes('llama-factory') ||
      s.formats.some(
        f => f === 'openai' || f === 'sharegpt' || f === 'alpaca' || f === 'alpaca-json',
      ),
    {
      message: 'llama-factory needs a data format (openai, sharegpt, alpaca or alpaca-json)',
      path: ['formats'],
    },
  );

export type DatasetExporterSettings = z.input<typeof datasetExporterSettingsSchema>;
export type ResolvedDatasetExporterSettings = z.output<typeof datasetExporterSettingsSchema>;

export function parseDatasetExporterSettings(
  input: DatasetExporterSettings,
): ResolvedDatasetExporterSettings {
  const settings = parseSettings(datasetExporterSettingsSchema, input);
  for (const key of Object.keys(settings.runConfig)) {
    if (isSecretName(key)) {
      throw new InvalidInputError({
        message: 'looks like a credential; secrets never go into dataset files',
        field: `runConfig.${key}`,
      });
    }
  }
  return settings;
}
