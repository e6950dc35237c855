import { InvalidInputError, lengthCounterNameSchema } from '@longform/core';
import { z } from 'zod';
import { createDecontaminationFilter } from './decontamination-filter';
import { createExactDedupFilter } from './exact-dedup-filter';
import { createLengthFilter } from './length-filter';
import { createLengthScoreFilter } from './length-score-filter';
import { createNearDedupFilter } from './near-dedup-filter';
import type { SampleFilter } from './sample-filter';

const count = z.number().int().nonnegative();

/**
 * Serialisable filter settings. They are stored in the dataset card and fingerprinted, so a re-run
 * with different filters is detected and recomputed from the journal.
 */
export const filterConfigSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('length'),
      counter: lengthCounterNameSchema,
      min: count.optional(),
      max: count.optional(),
    })
    .refine(c => c.min !== undefined || c.max !== undefined, 'needs min, max or both')
    .refine(
      c => c.min === undefined || c.max === undefined || c.min <= c.max,
      'min must not exceed max',
    ),
  z.object({ type: z.literal('length-score'), min: z.number().nonnegative() }),
  z.object({
    type: z.literal('exact-dedup'),
    fields: z
      .array(z.enum(['system', 'instruction', 'output']))
      .min(1)
      .default(['instruction', 'output']),
  }),
  z
    .object({
      type: z.literal('near-dedup'),
      field: z.enum(['instruction', 'output']).default('output'),
      threshold: z.number().gt(0).lt(1).default(0.8),
      numPerm: z.number().int().min(8).max(1024).default(128),
      shingleSize: z.number().int().min(1).max(32).default(5),
      seed: z.number().int().nonnegative().default(1),
      bands: z.number().int().positive().optional(),
      rows: z.number().int().positive().optional(),
    })
    .refine(c => (c.bands === undefined) === (c.rows === undefined), 'bands and rows go together')
    .refine(
      c => c.bands === undefined || c.bands * c.rows! <= c.numPerm,
      'bands × rows exceeds numPerm',
    ),
  z.object({
    type: z.literal('decontamination'),
    field: z.enum(['instruction', 'output']).default('instruction'),
    n: z.number().int().min(1).max(64).default(8),
    threshold: z.number().gt(0).max(1).default(0.5),
    benchmarks: z
      .array(z.object({ name: z.string().min(1), prompts: z.array(z.string()).min(1) }))
      .min(1),
  }),
]);

export type FilterConfig = z.infer<typeof filterConfigSchema>;
export type FilterConfigInput = z.input<typeof filterConfigSchema>;

/** Validates filter settings; the error names the filter's position and field. */
export function parseFilterConfigs(input: unknown): FilterConfig[] {
  const parsed = z.array(filterConfigSchema).safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InvalidInputError({
    message: issue.message,
    field: ['filters', ...issue.path].join('.'),
    cause: parsed.error,
  });
}

/** A fresh filter (with empty state) for one config. */
export function createSampleFilter(config: FilterConfig): SampleFilter {
  switch (config.type) {
    case 'length':
      return createLengthFilter(config);
    case 'length-score':
      return createLengthScoreFilter(config);
    case 'exact-dedup':
      return createExactDedupFilter(config);
    case 'near-dedup':
      return createNearDedupFilter(config);
    case 'decontamination':
      return createDecontaminationFilter(config);
  }
}
