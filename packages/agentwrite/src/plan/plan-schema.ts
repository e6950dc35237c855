import { z } from 'zod';

export const planSectionSchema = z.object({
  title: z.string().trim().min(1).optional(),
  mainPoint: z.string().trim().min(1),
  targetWords: z.number().int().positive(),
});

/** What the model is asked for with structured output, and the core of every plan. */
export const planSchema = z.object({
  sections: z.array(planSectionSchema).min(1),
});

export type PlanSection = z.infer<typeof planSectionSchema>;
export type Plan = z.infer<typeof planSchema>;

/** The plan file users can write, edit and pass back with `longform write --plan FILE`. */
export const planFileSchema = z.object({
  version: z.literal(1),
  instruction: z.string().min(1),
  targetWords: z.number().int().positive(),
  unit: z.enum(['words', '字']),
  sections: z.array(planSectionSchema).min(1),
});

export type PlanFile = z.infer<typeof planFileSchema>;
