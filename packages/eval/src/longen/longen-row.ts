import { z } from 'zod';
import { LONGEN_TYPES } from './longen-type';

/**
 * A LonGen row with the model's answer (QwenLM/Self-Lengthen: eval/LonGen.jsonl + `response`).
 * `language` and `range` are optional so user files of the same shape also load.
 */
export const lonGenRowSchema = z.object({
  language: z.string().optional(),
  range: z.string().optional(),
  type: z.enum(LONGEN_TYPES),
  constraint: z.string().min(1, 'must be a non-empty string'),
  query: z.string().optional(),
  response: z.string({ error: 'must be a string (the model output)' }),
});

export type LonGenRow = z.infer<typeof lonGenRowSchema>;

/**
 * A LonGen row as published (LonGen.jsonl, no response) or with one: a row needs a `query` to
 * generate from, or a `response` to score.
 */
export const lonGenQueryRowSchema = lonGenRowSchema
  .extend({ response: z.string({ error: 'must be a string (the model output)' }).optional() })
  .superRefine((row, context) => {
    if (row.response === undefined && !row.query) {
      context.addIssue({
        code: 'custom',
        path: ['query'],
        message: 'needs a query (to generate from) or a response (to score)',
      });
    }
  });

export type LonGenQueryRow = z.infer<typeof lonGenQueryRowSchema>;
