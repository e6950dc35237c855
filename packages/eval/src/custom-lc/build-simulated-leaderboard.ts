import {
  generateStep,
  InvalidInputError,
  type ResolvedModel,
  type Run,
  resolveModel,
  type Scheduler,
} from '@longform/core';
import { z } from 'zod';
import type { AlpacaModelOutput } from '../judge/alpaca-annotation';
import { Mt19937 } from '../lc/mt19937';

export const simulatedModelSchema = z.object({
  /** Leaderboard name; default `<spec> ×<lengthFactor>`. */
  name: z.string().min(1).optional(),
  /** Hidden quality the simulator tags onto the model's prose (`@q=`), 0–1. */
  quality: z.number().min(0).max(1),
  /** The simulator's length profile: how it answers a requested length. */
  profile: z.enum(['compliant', 'under', 'over', 'noisy', 'capped']).default('compliant'),
  /** The model is asked for `lengthFactor` times the instruction's length… */
  lengthFactor: z.number().positive().default(1),
  /**
   * …times exp(lengthSpread · N(0, 1)), drawn per instruction. Without spread a model's length
   * ratio to the baseline is constant, and no per-model GLM can tell length from quality.
   */
  lengthSpread: z.number().min(0).default(0),
});

export type SimulatedModel = z.input<typeof simulatedModelSchema>;

/**
 * Eight models with true qualities 0.2–0.9 whose verbosity is anti-correlated with quality and
 * zig-zags between neighbours, so a length-biased judge reorders them: the case raw win rates get
 * wrong.
 */
export const SIMULATED_LEADERBOARD_LINEUP: readonly SimulatedModel[] = [
  { quality: 0.2, profile: 'compliant', lengthFactor: 1.1, lengthSpread: 0.4 },
  { quality: 0.3, profile: 'over', lengthFactor: 1.4, lengthSpread: 0.4 },
  { quality: 0.4, profile: 'noisy', lengthFactor: 1.6, lengthSpread: 0.3 },
  { quality: 0.5, profile: 'under', lengthFactor: 0.85, lengthSpread: 0.4 },
  { quality: 0.6, profile: 'over', lengthFactor: 1.1, lengthSpread: 0.4 },
  { quality: 0.7, profile: 'compliant', lengthFactor: 0.8, lengthSpread: 0.4 },
  { quality: 0.8, profile: 'noisy', lengthFactor: 1.2, lengthSpread: 0.3 },
  { quality: 0.9, profile: 'under', lengthFactor: 0.8, lengthSpread: 0.4 },
];

export const buildSimulatedLeaderboardSettingsSchema = z
  .object({
    instructionCount: z.number().int().min(2).max(100_000).default(100),
    /** Requested lengths are drawn uniformly from [minWords, maxWords]. */
    minWords: z.number().int().positive().default(50),
    maxWords: z.number().int().positive().default(300),
    seed: z.number().int().min(0).max(0xffffffff).default(0),
    models: z
      .array(simulatedModelSchema)
      .min(2)
      .prefault([...SIMULATED_LEADERBOARD_LINEUP]),
    baseline: simulatedModelSchema.prefault({ quality: 0.5, profile: 'compliant' }),
  })
  .refine(s => s.minWords <= s.maxWords, {
    message: 'minWords must not exceed maxWords',
    path: ['minWords'],
  });

export type BuildSimulatedLeaderboardSettings = z.input<
  typeof buildSimulatedLeaderboardSettingsSchema
>;

export interface SimulatedLeaderboardModel {
  name: string;
  /** The simulator model id that wrote the outputs, e.g. `sim:over@q=0.3`. */
  spec: string;
  quality: number;
  profile: string;
  lengthFactor: number;
  lengthSpread: number;
  outputs: AlpacaModelOutput[];
}

export interface SimulatedLeaderboardOutputs {
  instructions: string[];
  /** Words each instruction asks for. */
  requestedWords: number[];
  baseline: SimulatedLeaderboardModel;
  models: SimulatedLeaderboardModel[];
}

const STAGE = 'custom-lc.generate';

const TASKS = [
  'Explain how tides work',
  'Describe a market town on a rainy morning',
  'Give advice to someone starting to run',
  'Summarise the history of the printing press',
  'Compare trains and buses for commuting',
  'Describe how bread is made',
  'Explain why leaves change colour',
  'Write a short story about a lost umbrella',
  'Argue for planting more trees in cities',
  'Explain how a refrigerator keeps food cold',
  'Describe the view from a mountain hut',
  'Give tips for a first job interview',
];

/**
 * Writes a leaderboard's outputs with the simulator: `instructionCount` instructions that each ask
 * for a length in [minWords, maxWords], answered by a baseline and every model of the lineup with
 * their hidden quality tags. Each model is asked for its own length (`lengthFactor`,
 * `lengthSpread`) by a last line the simulator obeys; the recorded instruction stays the shared
 * one, so all outputs align. Calls are journaled in `run` under stage `custom-lc.generate`.
 */
export async function buildSimulatedLeaderboard({
  run,
  scheduler,
  resolve = spec => resolveModel(spec),
  signal,
  ...rest
}: BuildSimulatedLeaderboardSettings & {
  run: Pick<Run, 'journal'>;
  scheduler: Scheduler;
  /** Resolves `sim:<profile>@q=<q>` ids; pass one sharing a `createSim` provider. */
  resolve?: (spec: string) => ResolvedModel;
  signal?: AbortSignal;
}): Promise<SimulatedLeaderboardOutputs> {
  const parsed = buildSimulatedLeaderboardSettingsSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError({ message: issue.message, field: issue.path.join('.') });
  }
  const { instructionCount, minWords, maxWords, seed, models, baseline } = parsed.data;
  const rng = new Mt19937(seed);
  const uniform = () => (rng.next() + 0.5) / 2 ** 32;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const requestedWords = Array.from(
    { length: instructionCount },
    () => minWords + Math.floor(uniform() * (maxWords - minWords + 1)),
  );
  const instructions = requestedWords.map(
    (words, i) => `Task ${i + 1}: ${TASKS[i % TASKS.length]}, in about ${words} words.`,
  );

  const lineup = [baseline, ...models].map((model, k) => {
    const spec = `sim:${model.profile}@q=${model.quality}`;
    const name = model.name ?? `${spec} ×${model.lengthFactor}`;
    // Drawn in lineup order from one stream, so a seed fixes every model's requested lengths.
    const asked = requestedWords.map(words =>
      Math.max(
        10,
        Math.round(words * model.lengthFactor * Math.exp(model.lengthSpread * normal())),
      ),
    );
    return { ...model, spec, name, asked, k };
  });
  const names = new Set<string>();
  for (const { name, k } of lineup) {
    if (names.has(name)) {
      throw new InvalidInputError({
        message: `two simulated models are named "${name}"; give them distinct names`,
        field: k === 0 ? 'baseline.name' : `models.${k - 1}.name`,
      });
    }
    names.add(name);
  }

  const written = await Promise.all(
    lineup.map(async model => {
      const resolved = resolve(model.spec);
      const outputs = await Promise.all(
        instructions.map(async (instruction, i) => {
          // No `step`: it is part of generateStep's key, and an output depends on the model and
          // prompt alone, so renaming a model or changing the lineup does not regenerate it.
          const { text } = await generateStep({
            run,
            scheduler,
            model: resolved,
            stage: STAGE,
            prompt: `${instruction}\n\nWrite about ${model.asked[i]} words.`,
            ...(signal ? { signal } : {}),
          });
          return { instruction, output: text, generator: model.name };
        }),
      );
      return {
        name: model.name,
        spec: model.spec,
        quality: model.quality,
        profile: model.profile,
        lengthFactor: model.lengthFactor,
        lengthSpread: model.lengthSpread,
        outputs,
      };
    }),
  );
  return {
    instructions,
    requestedWords,
    baseline: written[0]!,
    models: written.slice(1),
  };
}
