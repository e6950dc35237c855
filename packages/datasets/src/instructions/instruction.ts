import { z } from 'zod';

/**
 * One line of an instruction file: LongWriter's `{"prompt": …}` (the maintainers' documented input
 * for AgentWrite) with optional `id` and required length (`length`, as in LongBench-Write, or
 * `words`). Other fields are kept in `extra`.
 */
export const instructionRowSchema = z.looseObject(
  {
    prompt: z.string().refine(value => value.trim().length > 0, 'must be a non-empty string'),
    id: z.union([z.string().min(1), z.number().int().nonnegative()]).optional(),
    length: z.number().int().positive().optional(),
    words: z.number().int().positive().optional(),
  },
  // Only the row's own issue (not an object at all) gets this message; field issues keep theirs.
  { error: 'expected a JSON object with a "prompt" string' },
);

export interface Instruction {
  id: string;
  prompt: string;
  requiredLength?: number;
  /** 1-based line in the source file, for error messages downstream. */
  line: number;
  /** Fields other than prompt/id/length/words, e.g. LongBench-Write's `type`. */
  extra: Record<string, unknown>;
}
