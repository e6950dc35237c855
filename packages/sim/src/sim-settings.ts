import { z } from 'zod';
import { SimInvalidSettingsError } from './errors';

export const simProfiles = ['compliant', 'under', 'over', 'capped', 'noisy'] as const;

/** How a simulated model follows a length request (see README "Length profiles"). */
export const simProfileSchema = z.enum(simProfiles);
export type SimProfile = z.infer<typeof simProfileSchema>;

const rate = z.number().min(0).max(1);

export const simLatencySchema = z.object({
  /** Delay before the first token (streaming) or added to the whole response (non-streaming). */
  timeToFirstTokenMs: z.number().min(0).default(0),
  /** Output pace per stream, in estimated tokens per second. Unset: no pacing. */
  tokensPerSecond: z.number().positive().optional(),
});

export const simFaultsSchema = z
  .object({
    /** Share of requests answered with 429 + `retry-after`. */
    rate429: rate.default(0),
    /** `retry-after` of a 429, in seconds (fractions allowed; `retry-after-ms` carries the exact value). */
    retryAfterSeconds: z.number().min(0).default(1),
    /** Share of requests answered with 500. */
    rate500: rate.default(0),
    /** Share of requests that never answer until the client aborts. */
    rateHang: rate.default(0),
    /** Share of responses cut in the middle (streams end without a finish reason or `[DONE]`). */
    rateTruncate: rate.default(0),
    /** Share of responses whose body (or one stream event) is not valid JSON. */
    rateMalformed: rate.default(0),
  })
  .refine(f => f.rate429 + f.rate500 + f.rateHang + f.rateTruncate + f.rateMalformed <= 1, {
    message: 'the fault rates must add up to at most 1',
  });

export const simCapacitySchema = z.object({
  /** Generations running at once; further requests wait in FIFO order. */
  maxConcurrentStreams: z.number().int().positive(),
});

export const simJudgeSchema = z.object({
  /** Weight of tanh(ln(len_first / len_second)) in the judge's logit. 0 = no length bias. */
  lengthBias: z.number().default(0.7),
  /** Standard deviation of the seeded Gaussian noise added to the logit (and to 1–5 scores). */
  noise: z.number().min(0).default(0.3),
  /** Weight k of the quality difference (q_first − q_second) in the logit. */
  qualityWeight: z.number().default(6),
});

export const simSettingsSchema = z.object({
  seed: z.number().int().default(0),
  /** Profile of the model id `sim`; `sim:<profile>` overrides it. */
  profile: simProfileSchema.default('compliant'),
  /** Hidden quality (0–1) tagged onto generated prose; a model id's `@q=` suffix overrides it. */
  quality: z.number().min(0).max(1).optional(),
  /** The `capped` profile's ceiling, in units (words or 字) per response. */
  capUnits: z.number().int().positive().default(2000),
  latency: simLatencySchema.optional(),
  faults: simFaultsSchema.optional(),
  capacity: simCapacitySchema.optional(),
  judge: simJudgeSchema.optional(),
});

/** Settings as a caller writes them (every field optional). */
export type SimSettings = z.input<typeof simSettingsSchema>;
/** Settings after defaults. */
export type ResolvedSimSettings = z.output<typeof simSettingsSchema>;

/** Validates settings, naming the offending field on failure. */
export function resolveSimSettings(settings: SimSettings = {}): ResolvedSimSettings {
  const parsed = simSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SimInvalidSettingsError({
      message: issue.message,
      field: issue.path.join('.') || undefined,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export type SimModelSpec = {
  /** The id as given, e.g. `sim:capped@q=0.8`. */
  modelId: string;
  profile: SimProfile;
  /** Hidden quality of what this model writes, if any. */
  quality?: number;
};

const MODEL_ID = /^sim(?::([a-z]+))?(?:@q=(\d+(?:\.\d+)?))?$/;

/**
 * Parses `sim`, `sim:<profile>` and either with an `@q=<0..1>` quality suffix. Returns `undefined`
 * for anything else.
 */
export function parseSimModelId(
  modelId: string,
  settings: Pick<ResolvedSimSettings, 'profile' | 'quality'>,
): SimModelSpec | undefined {
  const m = MODEL_ID.exec(modelId);
  if (!m) return undefined;
  const profile = m[1] === undefined ? settings.profile : simProfileSchema.safeParse(m[1]).data;
  if (profile === undefined) return undefined;
  const quality = m[2] === undefined ? settings.quality : Number(m[2]);
  if (quality !== undefined && !(quality >= 0 && quality <= 1)) return undefined;
  return { modelId, profile, ...(quality === undefined ? {} : { quality }) };
}

/** The ids `/v1/models` lists: `sim` and one per profile. */
export function listSimModelIds(): string[] {
  return ['sim', ...simProfiles.map(p => `sim:${p}`)];
}
