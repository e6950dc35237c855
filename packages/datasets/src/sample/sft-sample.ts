import { lengthCounterNameSchema } from '@longform/core';
import { z } from 'zod';
import { filterVerdictSchema } from './filter-verdict';

const nonBlank = z.string().refine(value => value.trim().length > 0, 'must not be empty or blank');

/**
 * Metadata every exported sample carries. `lengths` maps a core counter name (`longwriter`,
 * `self-lengthen`, `ruler`, `code-points`, `unicode`, `tokens`) to the count the producer computed
 * with that counter: counters are never mixed, so filters and cards always name the counter they read.
 * Unknown keys are kept, so a method can record its own provenance.
 */
export const sftSampleMetadataSchema = z.looseObject({
  lengths: z.partialRecord(lengthCounterNameSchema, z.number().int().nonnegative()),
  requiredLength: z.number().int().positive().optional(),
  /** A length score the caller computed (e.g. S_l, 0–100). */
  lengthScore: z.number().nonnegative().optional(),
  source: z.string().min(1),
  method: z.string().min(1),
  model: z.string().min(1),
  iteration: z.number().int().nonnegative().optional(),
  parentId: z.string().min(1).optional(),
  filterVerdicts: z.array(filterVerdictSchema).optional(),
});

/** One supervised fine-tuning sample: a single user → assistant turn with an optional system prompt. */
export const sftSampleSchema = z.object({
  id: z.string().min(1),
  instruction: nonBlank,
  output: nonBlank,
  system: z.string().optional(),
  metadata: sftSampleMetadataSchema,
});

export type SftSample = z.infer<typeof sftSampleSchema>;
export type SftSampleMetadata = z.infer<typeof sftSampleMetadataSchema>;
