import { exportFormatSchema, parseSettings } from '@longform/datasets';
import { z } from 'zod';
import { agentWriterOptionsSchema } from '../writer/agent-writer-settings';

/** Output formats a user picks; `metadata.jsonl` and `rejected.jsonl` are always written. */
export const agentWriteDatasetFormatSchema = exportFormatSchema.exclude(['metadata', 'rejected']);
export type AgentWriteDatasetFormat = z.infer<typeof agentWriteDatasetFormatSchema>;

export const DEFAULT_AGENTWRITE_DATASET_FORMATS: readonly AgentWriteDatasetFormat[] =
  agentWriteDatasetFormatSchema.options;

const positiveInt = z.number().int().positive();

/** Serialisable options of an AgentWrite dataset build (everything but the model and callbacks). */
export const agentWriteDatasetOptionsSchema = z
  .object({
    /** Instruction JSONL: `{"prompt", "id"?, "length"? | "words"?, …}` per line. */
    instructions: z.string().min(1),
    /** Dataset directory (exports, card, the dataset journal). */
    out: z.string().min(1),
    /** Run folder journaling every writer step; default `<out>/.longform/run`. */
    runDir: z.string().min(1).optional(),
    /** Dataset name: the `dataset_info.json` key prefix. */
    name: z.string().min(1).default('agentwrite_sft'),
    /** Model calls at once, shared by every document. */
    concurrency: positiveInt.default(4),
    requestsPerMinute: z.number().positive().optional(),
    tokensPerMinute: z.number().positive().optional(),
    /** Per-call timeout (a hung call is retried). */
    timeoutMs: positiveInt.default(120_000),
    /** Tries per step for cut streams and timeouts. */
    maxTries: positiveInt.default(4),
    /** Documents written at once; default `concurrency` (sections within one are serial). */
    documents: positiveInt.optional(),
    /** Target for rows whose instruction states no length and that have no `length` field. */
    defaultWords: positiveInt.optional(),
    /** AgentWrite options (mode, length control, context policy…). */
    writer: agentWriterOptionsSchema.prefault({}),
    /** Length filter bounds, in the LongWriter counter's units (words or 字). */
    minWords: z.number().int().nonnegative().optional(),
    maxWords: z.number().int().nonnegative().optional(),
    /** Keep samples with S_l ≥ this (LongWriter: length-following samples are what matters); 0 disables. */
    minLengthScore: z.number().min(0).max(100).default(80),
    /** `near` = exact duplicates (instruction + output) and MinHash near duplicates of the output. */
    dedup: z.enum(['exact', 'near', 'none']).default('near'),
    /** Benchmark prompt files (LongBench-Write, LonGen JSONL) whose prompts must not leak in. */
    decontaminate: z.array(z.string().min(1)).default([]),
    formats: z
      .array(agentWriteDatasetFormatSchema)
      .min(1)
      .default([...DEFAULT_AGENTWRITE_DATASET_FORMATS]),
    /** System prompt added to every exported conversation (not shown to the writer). */
    system: z.string().min(1).optional(),
    card: z
      .object({
        title: z.string().min(1).optional(),
        description: z.string().optional(),
        license: z.string().min(1).optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .refine(o => o.minWords === undefined || o.maxWords === undefined || o.minWords <= o.maxWords, {
    message: 'minWords must not exceed maxWords',
    path: ['minWords'],
  });

export type AgentWriteDatasetOptions = z.input<typeof agentWriteDatasetOptionsSchema>;
export type ResolvedAgentWriteDatasetOptions = z.output<typeof agentWriteDatasetOptionsSchema>;

export function parseAgentWriteDatasetOptions(
  input: AgentWriteDatasetOptions,
): ResolvedAgentWriteDatasetOptions {
  return parseSettings(agentWriteDatasetOptionsSchema, input);
}
