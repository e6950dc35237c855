import { z } from 'zod';

export const writerModeSchema = z.enum(['controlled', 'faithful']);
export type WriterMode = z.infer<typeof writerModeSchema>;

/** Options of `createAgentWriter` besides the model. Defaults are the controlled mode's. */
export const agentWriterOptionsSchema = z
  .object({
    mode: writerModeSchema.default('controlled'),
    /** Per-section bounds of a plan (LongWriter: 200–1000). */
    sectionBounds: z
      .object({ min: z.number().int().positive(), max: z.number().int().positive() })
      .refine(b => b.min <= b.max, { message: 'min must not exceed max' })
      .default({ min: 200, max: 1000 }),
    /** Σ plan targets may differ from the requested total by this fraction before rescaling. */
    planTolerance: z.number().min(0).max(1).default(0.1),
    maxSections: z.number().int().positive().default(50),
    /** Plan requests before giving up when the model returns no usable plan. */
    maxPlanAttempts: z.number().int().positive().default(3),
    /** A section within these relative bounds of its target is accepted as is. */
    lengthTolerance: z
      .object({ under: z.number().min(0).max(1), over: z.number().min(0).max(10) })
      .default({ under: 0.08, over: 0.08 }),
    /** Length-control rounds per section after its first write (continue, trim, condense). */
    maxControlAttempts: z.number().int().min(0).default(4),
    /** Learn the model's habitual length bias and ask for correspondingly more or less. */
    calibrate: z.boolean().default(true),
    contextPolicy: z.enum(['auto', 'full', 'window']).default('auto'),
    /** Sections kept verbatim by `window`, and kept at least by `auto`. */
    recentSections: z.number().int().positive().default(2),
    contextWindowTokens: z.number().int().positive().default(32_768),
    /** `auto`: structured output when the model is known to support it, else the line format. */
    structuredPlan: z.enum(['auto', 'always', 'never']).default('auto'),
    temperature: z.number().min(0).max(2).optional(),
    /** Output tokens per call; controlled mode derives it from the target when unset. */
    maxOutputTokens: z.number().int().positive().optional(),
  })
  .strict();

export type AgentWriterOptions = z.input<typeof agentWriterOptionsSchema>;
export type ResolvedAgentWriterOptions = z.output<typeof agentWriterOptionsSchema>;

/** LongWriter's own parameters (spec agentwrite.md §1.4–1.5), applied by `mode: 'faithful'`. */
export const FAITHFUL_PARAMETERS = {
  temperature: 1,
  maxOutputTokens: 4096,
  contextPolicy: 'full',
  maxSections: 50,
} as const;

/** Output tokens per counted unit, to size `maxOutputTokens` from a target instead of a flat 4096. */
export const TOKENS_PER_UNIT = { en: 1.4, zh: 1.3 } as const;
