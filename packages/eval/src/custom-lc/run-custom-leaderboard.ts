import { InvalidInputError, type ResolvedModel, type Run, type Scheduler } from '@longform/core';
import type { AlpacaAnnotation, AlpacaModelOutput } from '../judge/alpaca-annotation';
import {
  createPairwiseJudge,
  type PairwiseJudgeInput,
  type PairwiseJudgeOptions,
  type PairwiseJudgeSummary,
} from '../judge/create-pairwise-judge';
import { pairModelOutputs } from '../judge/pair-model-outputs';
import { formatLcLeaderboardCsv } from '../lc/lc-leaderboard';
import {
  type CustomLeaderboard,
  type CustomLeaderboardOptions,
  computeCustomLeaderboard,
} from './compute-custom-leaderboard';
import { customLcAnnotationSet } from './custom-lc-annotations';

export interface CustomLeaderboardModel {
  /** Leaderboard name; unique. */
  model: string;
  /** The model's outputs (`{instruction, output, generator}`), one per instruction. */
  outputs: readonly AlpacaModelOutput[];
  /** Where the outputs came from, named in errors; default `<model> outputs`. */
  source?: string;
  /** Known true quality (simulations), for the Spearman validation. */
  trueQuality?: number;
  /** Known length-free win rate in percent (simulations), for mean |LC − oracle|. */
  oracleWinRate?: number;
}

export interface RunCustomLeaderboardOptions {
  run: Run;
  scheduler: Scheduler;
  judgeModel: ResolvedModel;
  /** The pairwise judge's settings (annotator name, position seed, logprobs). */
  judge?: PairwiseJudgeOptions;
  /** The baseline's outputs (`output_1` of every pair). */
  baseline: readonly AlpacaModelOutput[];
  baselineSource?: string;
  models: readonly CustomLeaderboardModel[];
  leaderboard?: Omit<CustomLeaderboardOptions, 'truth'>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface RunCustomLeaderboardResult {
  leaderboard: CustomLeaderboard;
  /** Per model, in input order, the annotations as written to its `annotations.json`. */
  annotations: AlpacaAnnotation[][];
  /** Judge statistics over all pairs. */
  summary: PairwiseJudgeSummary;
  files: string[];
}

/**
 * LC on a custom instruction set, from outputs: pairs each model's outputs with the baseline's by
 * instruction, judges every pair with `createPairwiseJudge` (journaled in `run`, so a rerun or an
 * interrupted run does not pay twice), then fits the instruction difficulty jointly over all models
 * and computes each model's LC and WR. Writes, atomically, `results/<model>/<annotator>/
 * annotations.json` per model (the layout `longform eval lc --custom` reads), `leaderboard.csv`
 * (AlpacaEval's columns) and `leaderboard.json` (with the fit and the validation).
 */
export async function runCustomLeaderboard({
  run,
  scheduler,
  judgeModel,
  judge: judgeOptions = {},
  baseline,
  baselineSource = 'baseline outputs',
  models,
  leaderboard: leaderboardOptions = {},
  signal,
  onProgress,
}: RunCustomLeaderboardOptions): Promise<RunCustomLeaderboardResult> {
  if (models.length === 0) throw new InvalidInputError({ message: 'no models to evaluate' });
  const folders = new Map<string, string>();
  for (const { model } of models) {
    const folder = folderName(model);
    const other = folders.get(folder);
    if (other !== undefined) {
      throw new InvalidInputError({
        message:
          other === model
            ? `model "${model}" is listed twice`
            : `models "${other}" and "${model}" map to the same results folder "${folder}"`,
        field: 'models',
      });
    }
    folders.set(folder, model);
  }
  // Pairing validates every model against the baseline before any judge call is paid for.
  const pairs = models.map(({ model, outputs, source }) =>
    pairModelOutputs({
      baseline,
      model: outputs,
      baselineFile: baselineSource,
      modelFile: source ?? `${model} outputs`,
    }),
  );
  const judge = createPairwiseJudge({ model: judgeModel, scheduler, run, ...judgeOptions });
  const flat: PairwiseJudgeInput[] = pairs.flat();
  const { annotations: all, summary } = await judge.annotateAll(flat, {
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const annotations: AlpacaAnnotation[][] = [];
  let offset = 0;
  for (const modelPairs of pairs) {
    annotations.push(all.slice(offset, offset + modelPairs.length));
    offset += modelPairs.length;
  }

  const files: string[] = [];
  const sets = [];
  for (const [k, { model }] of models.entries()) {
    const name = `results/${folderName(model)}/${folderName(judge.annotator)}/annotations.json`;
    files.push(await run.writeOutput(name, `${JSON.stringify(annotations[k], null, 2)}\n`));
    sets.push(customLcAnnotationSet(annotations[k]!, { source: files.at(-1)!, model }));
  }
  const quality = Object.fromEntries(
    models.flatMap(m => (m.trueQuality !== undefined ? [[m.model, m.trueQuality]] : [])),
  );
  const oracle = Object.fromEntries(
    models.flatMap(m => (m.oracleWinRate !== undefined ? [[m.model, m.oracleWinRate]] : [])),
  );
  const leaderboard = computeCustomLeaderboard(sets, {
    ...leaderboardOptions,
    truth: { quality, oracleWinRate: oracle },
  });
  files.push(await run.writeOutput('leaderboard.csv', formatLcLeaderboardCsv(leaderboard.entries)));
  files.push(
    await run.writeOutput('leaderboard.json', formatCustomLeaderboardJson(leaderboard, summary)),
  );
  return { leaderboard, annotations, summary, files };
}

/** The JSON report: the joint fit, the validation, and the models sorted by LC, best first. */
export function formatCustomLeaderboardJson(
  leaderboard: CustomLeaderboard,
  judgeSummary?: PairwiseJudgeSummary,
): string {
  const models = [...leaderboard.entries].sort(
    (a, b) => b.lengthControlledWinRate - a.lengthControlledWinRate,
  );
  const report = {
    counter: 'countCodePoints',
    method:
      'custom-set LC: joint difficulty fit over all models, then per-model LC without gamed rows',
    instructions: leaderboard.instructions.length,
    difficultyFit: leaderboard.difficultyFit,
    ...(leaderboard.validation ? { validation: leaderboard.validation } : {}),
    ...(judgeSummary ? { judge: judgeSummary } : {}),
    models,
  };
  // JSON has no NaN; null says "not available" without breaking parsers.
  return `${JSON.stringify(
    report,
    (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
    2,
  )}\n`;
}

/** A model name as one portable path segment (`sim:over@q=0.3` has a colon Windows refuses). */
function folderName(name: string): string {
  const safe = name.replaceAll(/[^A-Za-z0-9._@=+-]/g, '_');
  return safe === '' || safe === '.' || safe === '..' ? `_${safe}` : safe;
}
