import { z } from 'zod';
import { tokenUsageSchema } from '../usage/token-usage';

/** One completed step in `journal.jsonl`. */
export const journalEntrySchema = z.object({
  /** `stepKey(...)` of everything that determines the step's result. */
  key: z.string().min(1),
  stage: z.string().min(1),
  step: z.union([z.string(), z.number()]).optional(),
  data: z.unknown(),
  usage: tokenUsageSchema.optional(),
  /** Model spec, e.g. `openai:gpt-4o` (used to price `usage`). */
  model: z.string().optional(),
  createdAt: z.string(),
  durationMs: z.number().nonnegative().optional(),
});

export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** What `Journal.append` takes: `createdAt` defaults to now. */
export type JournalEntryInput = Omit<JournalEntry, 'createdAt'> & { createdAt?: string };
