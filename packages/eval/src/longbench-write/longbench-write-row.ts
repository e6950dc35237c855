import { z } from 'zod';

/** One LongBench-Write prompt (THUDM/LongWriter: evaluation/longbench_write.jsonl). */
export const longBenchWriteRowSchema = z.object({
  prompt: z.string().min(1, 'must be a non-empty string'),
  type: z.string(),
  length: z.number().int('must be an integer').positive('must be > 0'),
});

export type LongBenchWriteRow = z.infer<typeof longBenchWriteRowSchema>;

export type LongBenchWriteLanguage = 'en' | 'zh';
