import { z } from 'zod';

export const RUN_SCHEMA_VERSION = 1;

export const runStatusSchema = z.enum(['running', 'completed', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** `run.json`: what a run is, so it can be resumed and audited. Never holds secrets. */
export const runManifestSchema = z.object({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  command: z.string().min(1),
  /** The full configuration, secrets stripped. */
  config: z.record(z.string(), z.unknown()),
  /** sha256 of the canonical JSON of `config`. */
  configHash: z.string(),
  longformVersion: z.string(),
  status: runStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** How many times the run was reopened after its first session. */
  resumeCount: z.number().int().nonnegative(),
  /** Message of the error that failed the run (status `failed`). */
  error: z.string().optional(),
});

export type RunManifest = z.infer<typeof runManifestSchema>;
