import { InvalidInputError } from '@longform/core';
import { z } from 'zod';
import { computeCustomLengthControlledWinRate } from '../lc/custom-length-controlled-win-rate';
import { lcLeaderboardEntry } from '../lc/evaluate-lc-leaderboard-entry';
import { fitInstructionDifficulty } from '../lc/fit-instruction-difficulty';
import type { LcLeaderboardEntry } from '../lc/lc-leaderboard';
import { computeRawWinRate } from '../lc/raw-win-rate';
import { spearman } from '../lc/spearman';
import { alignCustomInstructions } from './align-custom-instructions';
import type { CustomLcAnnotationSet } from './custom-lc-annotations';

export const customLeaderboardOptionsSchema = z.object({
  /** CV fold order of each model's LC fit. */
  foldOrder: z.enum(['modern', 'legacy']).default('modern'),
  /** L2 prior of the joint difficulty fit (see `fitInstructionDifficulty`). */
  l2: z.number().positive().default(1),
  /** A fixed C for every model instead of cross-validation. */
  C: z.number().positive().optional(),
  /** Leaderboard `mode` column. */
  mode: z.string().default('community'),
  /** Ground truth, when known (simulations): validates the ranking. */
  truth: z
    .object({
      /** True quality per model name; Spearman of WR and of LC against it. */
      quality: z.record(z.string(), z.number()).optional(),
      /** Length-free win rate per model, in percent; mean |LC − oracle| and |WR − oracle|. */
      oracleWinRate: z.record(z.string(), z.number()).optional(),
    })
    .optional(),
});

export type CustomLeaderboardOptions = z.input<typeof customLeaderboardOptionsSchema>;

export interface CustomLeaderboardEntry extends LcLeaderboardEntry {
  /** Whether the model's rows entered the joint difficulty fit (not the baseline vs itself). */
  inDifficultyFit: boolean;
  trueQuality?: number;
  oracleWinRate?: number;
}

export interface CustomLeaderboardValidation {
  /** Models with a known true quality. */
  models: number;
  spearmanWinRate: number;
  spearmanLengthControlled: number;
  /** Mean |WR − oracle| in pp over the models with an oracle win rate. */
  meanAbsErrorWinRate?: number;
  /** Mean |LC − oracle| in pp over the models with an oracle win rate. */
  meanAbsErrorLengthControlled?: number;
}

export interface CustomLeaderboard {
  /** The instruction set, in the order first seen. */
  instructions: string[];
  /** γ per instruction from the joint fit, aligned with `instructions`. */
  difficulty: Float64Array;
  difficultyFit: {
    iterations: number;
    converged: boolean;
    l2: number;
    models: { model: string; intercept: number; lengthCoefficient: number }[];
  };
  /** One entry per input set, in input order. */
  entries: CustomLeaderboardEntry[];
  /** Present when `truth.quality` names at least two of the models. */
  validation?: CustomLeaderboardValidation;
}

/**
 * LC on a custom instruction set (spec lc-alpacaeval §8): aligns every model's annotations by
 * instruction text, fits the instruction difficulty jointly over all of them (the paper's joint
 * GLM), then each model's LC with those difficulties and no gamed rows. All sets must share one
 * baseline; the baseline compared with itself gets LC 50 and stays out of the joint fit, since
 * identical outputs carry no information about difficulty.
 */
export function computeCustomLeaderboard(
  sets: readonly CustomLcAnnotationSet[],
  options: CustomLeaderboardOptions = {},
): CustomLeaderboard {
  const parsed = customLeaderboardOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError({ message: issue.message, field: issue.path.join('.') });
  }
  const { foldOrder, l2, C, mode, truth } = parsed.data;
  if (sets.length === 0) throw new InvalidInputError({ message: 'no annotation sets' });
  const baseline = sets[0]!.baseline;
  const names = new Map<string, string>();
  for (const set of sets) {
    if (set.baseline !== baseline) {
      throw new InvalidInputError({
        message: `baseline (generator_1) is "${set.baseline}" but ${sets[0]!.source} uses "${baseline}"; the joint difficulty is relative to one baseline`,
        file: set.source,
        field: 'generator_1',
      });
    }
    const previous = names.get(set.model);
    if (previous !== undefined) {
      throw new InvalidInputError({
        message: `model "${set.model}" also comes from ${previous}`,
        file: set.source,
      });
    }
    names.set(set.model, set.source);
  }

  const { instructions, rows } = alignCustomInstructions(sets);
  const isBaseline = sets.map(set => set.generator === set.baseline);
  const fitted = sets.flatMap((set, k) =>
    isBaseline[k] ? [] : [{ model: set.model, rows: rows[k]! }],
  );
  if (fitted.length === 0) {
    throw new InvalidInputError({
      message: 'every annotation set compares the baseline with itself: no model to evaluate',
      file: sets[0]!.source,
    });
  }
  const fit = fitInstructionDifficulty(fitted, { instructionCount: instructions.length, l2 });

  const entries = sets.map((set, k): CustomLeaderboardEntry => {
    const raw = computeRawWinRate(set.rows.map(row => row.preference));
    const quality = truth?.quality?.[set.model];
    const oracle = truth?.oracleWinRate?.[set.model];
    const lc = isBaseline[k]
      ? {
          lengthControlledWinRate: 50,
          lcStandardError: 0,
          C: null,
          foldOrder,
          coefficients: { length: 0, difficulty: 0, model: 0 },
          warnings: [],
        }
      : computeCustomLengthControlledWinRate(rows[k]!, {
          difficulty: fit.difficulty,
          foldOrder,
          ...(C !== undefined ? { C } : {}),
          winRate: raw.winRate,
          source: set.source,
        });
    return {
      ...lcLeaderboardEntry(set, raw, lc, mode),
      inDifficultyFit: !isBaseline[k],
      ...(quality !== undefined ? { trueQuality: quality } : {}),
      ...(oracle !== undefined ? { oracleWinRate: oracle } : {}),
    };
  });

  return {
    instructions,
    difficulty: fit.difficulty,
    difficultyFit: {
      iterations: fit.iterations,
      converged: fit.converged,
      l2,
      models: fit.models,
    },
    entries,
    ...validate(entries),
  };
}

function validate(entries: CustomLeaderboardEntry[]): { validation?: CustomLeaderboardValidation } {
  const known = entries.filter(e => e.trueQuality !== undefined);
  if (known.length < 2) return {};
  const quality = known.map(e => e.trueQuality!);
  const withOracle = entries.filter(e => e.oracleWinRate !== undefined);
  const meanAbs = (pick: (e: CustomLeaderboardEntry) => number) =>
    withOracle.reduce((sum, e) => sum + Math.abs(pick(e) - e.oracleWinRate!), 0) /
    withOracle.length;
  return {
    validation: {
      models: known.length,
      spearmanWinRate: spearman(
        known.map(e => e.winRate),
        quality,
      ),
      spearmanLengthControlled: spearman(
        known.map(e => e.lengthControlledWinRate),
        quality,
      ),
      ...(withOracle.length > 0
        ? {
            meanAbsErrorWinRate: meanAbs(e => e.winRate),
            meanAbsErrorLengthControlled: meanAbs(e => e.lengthControlledWinRate),
          }
        : {}),
    },
  };
}
