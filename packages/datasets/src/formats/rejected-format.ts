import { z } from 'zod';
import { filterVerdictSchema } from '../sample/filter-verdict';

/** One line of `rejected.jsonl`: why a generated sample was left out (texts are not repeated). */
export const rejectedRecordSchema = z.object({
  id: z.string().min(1),
  reason: z.string().min(1),
  filter: z.string().min(1),
  verdicts: z.array(filterVerdictSchema),
});

export type RejectedRecord = z.infer<typeof rejectedRecordSchema>;
