import { z } from 'zod';

/**
 * One row of AlpacaEval's `annotations.json` (tatsu-lab/alpaca_eval: results/<model>/<annotator>/
 * annotations.json). `output_1`/`generator_1` is the baseline, `output_2`/`generator_2` the model;
 * `preference` is in the original order (1 = baseline wins, 2 = model wins, 1.5 = draw, `null` = no
 * annotation). The trailing fields are longform's additions and are ignored by AlpacaEval.
 */
export const alpacaAnnotationSchema = z.object({
  instruction: z.string(),
  output_1: z.string(),
  generator_1: z.string(),
  output_2: z.string(),
  generator_2: z.string(),
  dataset: z.string().optional(),
  annotator: z.string(),
  preference: z.number().nullable(),
  /** The judge's raw answer text, in presented order (`m` = the output shown first). */
  raw_completion: z.string().nullable(),
  time_per_example: z.number().optional(),
  price_per_example: z.number().nullable().optional(),
  /** Whether output_2 was shown first for this instruction. */
  is_swapped: z.boolean().optional(),
  /** `logprobs`, `discrete`, `identical` (no judge call), or `failed`. */
  preference_source: z.enum(['logprobs', 'discrete', 'identical', 'failed']).optional(),
  /** Why the judge output could not be used, when `preference` is null. */
  error: z.string().optional(),
});

export type AlpacaAnnotation = z.infer<typeof alpacaAnnotationSchema>;

/** AlpacaEval's `model_outputs.json` rows: what `longform eval judge` compares. */
export const alpacaModelOutputSchema = z.object({
  instruction: z.string(),
  output: z.string(),
  generator: z.string(),
  dataset: z.string().optional(),
});

export type AlpacaModelOutput = z.infer<typeof alpacaModelOutputSchema>;
