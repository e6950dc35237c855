import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidInputError, writeFileAtomic } from '@longform/core';
import {
  type CustomLcAnnotationSet,
  computeCustomLeaderboard,
  evaluateLcLeaderboardEntry,
  formatCustomLeaderboardJson,
  formatLcLeaderboardCsv,
  formatLcLeaderboardJson,
  LC_FOLD_ORDERS,
  type LcFoldOrder,
  type LcLeaderboardEntry,
  loadGamedData,
  readAlpacaEvalAnnotations,
  readCustomLcAnnotations,
  writeLcLeaderboard,
} from '@longform/eval';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context';

export interface EvalLcDependencies {
  /** Injected by tests so that no test reaches the network. */
  fetch?: typeof globalThis.fetch;
}

interface EvalLcOptions {
  gamed?: string;
  custom: boolean;
  foldOrder: LcFoldOrder;
  out?: string;
  outJson?: string;
}

/**
 * `longform eval lc FILES...`: AlpacaEval 2.0 length-controlled win rates from `annotations.json`
 * files (or folders laid out as AlpacaEval's `results/`), exact to upstream, as a leaderboard.
 * With `--custom`, the files may be on any instruction set: the instruction difficulty is fitted
 * jointly from all of them instead of read from AlpacaEval's `df_gamed.csv`.
 */
export function registerEvalLcCommand(
  parent: Command,
  context: CliContext,
  deps: EvalLcDependencies = {},
): void {
  parent
    .command('lc')
    .description(
      'AlpacaEval length-controlled win rate of annotations.json files (or results/ folders)',
    )
    .argument('<files...>', 'annotations.json files, or folders searched for them')
    .option(
      '--gamed <path>',
      "AlpacaEval's df_gamed.csv (default: downloaded once from Hugging Face and cached)",
    )
    .option(
      '--custom',
      'custom instruction set: fit the instruction difficulty jointly from the given files (every model judged on the same instructions against one baseline, aligned by instruction text) instead of AlpacaEval’s fixed inputs',
      false,
    )
    .addOption(
      new Option(
        '--fold-order <order>',
        'CV fold order: modern (today’s official code) or legacy (most published rows)',
      )
        .choices(LC_FOLD_ORDERS)
        .default('modern'),
    )
    .option('--out <path>', 'write the leaderboard CSV (AlpacaEval column names) here, atomically')
    .option('--out-json <path>', 'write the JSON form (C, fold order, coefficients, warnings) here')
    .action(async (files: string[], options: EvalLcOptions, command: Command) => {
      const globals = context.globals(command);
      const cwd = context.io.cwd;
      const paths = await expandAnnotationFiles(files.map(file => resolve(cwd, file)));
      if (options.custom) {
        await runCustom(paths, options, context, command);
        return;
      }
      const gamed = await loadGamedData({
        path: options.gamed ? resolve(cwd, options.gamed) : undefined,
        env: context.io.env as NodeJS.ProcessEnv,
        fetch: deps.fetch,
      });
      const progress = context.progress(globals);
      progress.start({ label: 'LC win rate', total: paths.length, unit: 'models' });
      const entries: LcLeaderboardEntry[] = [];
      const seen = new Map<string, string>();
      for (const [k, path] of paths.entries()) {
        if (context.io.signal.aborted) throw new Error('interrupted');
        const set = await readAlpacaEvalAnnotations(path);
        const previous = seen.get(set.model);
        if (previous) {
          throw new InvalidInputError({
            message: `model "${set.model}" also comes from ${previous}`,
            file: path,
          });
        }
        seen.set(set.model, path);
        const entry = evaluateLcLeaderboardEntry(set, { gamed, foldOrder: options.foldOrder });
        for (const warning of entry.warnings) progress.log(`warning: ${warning.message}`);
        entries.push(entry);
        progress.update(k + 1, set.model);
      }
      progress.finish();
      if (options.out || options.outJson) {
        await writeLcLeaderboard(entries, {
          csvPath: options.out ? resolve(cwd, options.out) : undefined,
          jsonPath: options.outJson ? resolve(cwd, options.outJson) : undefined,
        });
      }
      context.result(globals, JSON.parse(formatLcLeaderboardJson(entries)), () =>
        formatTable(entries, options.foldOrder),
      );
    });
}

/** `--custom`: joint difficulty fit over all files, then each model's LC; no gamed rows. */
async function runCustom(
  paths: string[],
  options: EvalLcOptions,
  context: CliContext,
  command: Command,
): Promise<void> {
  if (options.gamed) {
    throw new InvalidInputError({
      message:
        '--gamed is not used with --custom: df_gamed.csv only applies to AlpacaEval’s own instructions',
      field: '--gamed',
    });
  }
  const globals = context.globals(command);
  const cwd = context.io.cwd;
  const progress = context.progress(globals);
  progress.start({ label: 'reading annotations', total: paths.length, unit: 'files' });
  const sets: CustomLcAnnotationSet[] = [];
  for (const [k, path] of paths.entries()) {
    if (context.io.signal.aborted) throw new Error('interrupted');
    const set = await readCustomLcAnnotations(path);
    sets.push(set);
    progress.update(k + 1, set.model);
  }
  progress.finish();
  const leaderboard = computeCustomLeaderboard(sets, { foldOrder: options.foldOrder });
  for (const entry of leaderboard.entries) {
    for (const warning of entry.warnings) progress.log(`warning: ${warning.message}`);
  }
  if (options.out)
    await writeFileAtomic(resolve(cwd, options.out), formatLcLeaderboardCsv(leaderboard.entries));
  const json = formatCustomLeaderboardJson(leaderboard);
  if (options.outJson) await writeFileAtomic(resolve(cwd, options.outJson), json);
  const fitted = leaderboard.entries.filter(e => e.inDifficultyFit).length;
  context.result(globals, JSON.parse(json), () =>
    [
      formatTable(leaderboard.entries, options.foldOrder),
      `custom instruction set: ${leaderboard.instructions.length} instructions; difficulty fitted jointly over ${fitted} model${fitted === 1 ? '' : 's'} (L2 ${leaderboard.difficultyFit.l2}); no gamed rows`,
    ].join('\n'),
  );
}

async function expandAnnotationFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new InvalidInputError({ message: 'no such file or folder', file: path });
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const found = (await readdir(path, { recursive: true }))
      .filter(entry => entry === 'annotations.json' || entry.endsWith('/annotations.json'))
      .sort()
      .map(entry => join(path, entry));
    if (found.length === 0)
      throw new InvalidInputError({ message: 'no annotations.json under this folder', file: path });
    files.push(...found);
  }
  return files;
}

function formatTable(entries: LcLeaderboardEntry[], foldOrder: LcFoldOrder): string {
  const sorted = [...entries].sort((a, b) => b.lengthControlledWinRate - a.lengthControlledWinRate);
  const width = Math.max(5, ...sorted.map(e => e.model.length));
  const lines = [
    `${'model'.padEnd(width)}  ${'LC'.padStart(6)}  ${'±'.padStart(5)}  ${'WR'.padStart(6)}  ${'±'.padStart(5)}  ${'n'.padStart(4)}  ${'avg len'.padStart(7)}  C`,
  ];
  for (const e of sorted) {
    lines.push(
      [
        e.model.padEnd(width),
        e.lengthControlledWinRate.toFixed(2).padStart(6),
        e.lcStandardError.toFixed(2).padStart(5),
        e.winRate.toFixed(2).padStart(6),
        e.standardError.toFixed(2).padStart(5),
        String(e.nTotal).padStart(4),
        String(e.averageLength).padStart(7),
        e.C === null ? '— (baseline)' : String(Number(e.C.toPrecision(4))),
      ].join('  '),
    );
  }
  lines.push(`fold order: ${foldOrder}; lengths in Unicode code points (countCodePoints)`);
  return lines.join('\n');
}
