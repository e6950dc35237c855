import { z } from 'zod';

/**
 * One filter's decision about one sample. `reason` is a stable code (`too-short`, `near-duplicate`,
 * …) so dataset cards and reports can count drops by reason; `detail` carries the evidence.
 */
export const filterVerdictSchema = z.object({
  filter: z.string().min(1),
  kept: z.boolean(),
  reason: z.string().min(1).optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export type FilterVerdict = z.infer<typeof filterVerdictSchema>;
