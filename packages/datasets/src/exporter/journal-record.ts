import { z } from 'zod';
import { filterVerdictSchema } from '../sample/filter-verdict';

/**
 * One line of the exporter's append-only run journal. Sample lines carry the verdicts computed when
 * the sample was added and the fingerprint of the filters that computed them, so `finish` can reuse
 * them when the filters are unchanged and recompute everything when they are not.
 */
export const journalRecordSchema = z.discriminatedUnion('type', [
  z.object({
    v: z.literal(1),
    type: z.literal('sample'),
    config: z.string().min(1),
    sample: z.unknown(),
    verdicts: z.array(filterVerdictSchema),
  }),
  z.object({
    v: z.literal(1),
    type: z.literal('failure'),
    id: z.string().min(1),
    reason: z.string().min(1),
    message: z.string().optional(),
  }),
]);

export type JournalRecord = z.infer<typeof journalRecordSchema>;
