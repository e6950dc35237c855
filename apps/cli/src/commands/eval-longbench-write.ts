import { isAbsolute, resolve } from 'node:path';
import { InvalidInputError, type ResolvedModel, resolveModel } from '@longform/core';
import {
  LONG_BENCH_WRITE_BUCKETS,
  type LongBenchWriteGroupScore,
  type LongBenchWriteReport,
  type LongBenchWriteRunItem,
  loadLongBenchWrite,
  loadLongBenchWritePredictions,
  QUALITY_DIMENSIONS,
  QUALITY_JUDGE_PROMPT_VERSION,
  runLongBenchWrite,
} from '@longform/eval';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context';
import { nonNegativeNumber, positiveInteger } from '../options/number-options';
import { hashItems } from './eval-shared/hash-items';
import { addRunOptions, type RunOptions } from './eval-shared/run-options';
import { warnGenerationFailures } from './eval-shared/warn-generation-failures';
import { withEvalRun } from './eval-shared/with-eval-run';

interface EvalLongBenchWriteOptions extends RunOptions {
  data?: string;
  predictions?: string;
  judgeModel?: string;
  judge: boolean;
  language: 'auto' | 'en' | 'zh';
  limit?: number;
  judgeSamples: number;
  parseMode: 'hardened' | 'upstream';
  temperature: number;
  maxTokens: number;
}

/**
 * `longform eval longbench-write`: LongBench-Write's S_l (length), S_q (6-dimension judge) and S,
 * overall, per required-length bucket and per language. Generates with the configured model from
 * `--data`, or scores a predictions file; judge failures are counted and shown, never dropped.
 */
export function registerEvalLongBenchWriteCommand(parent: Command, context: CliContext): void {
  const subcommand = parent
    .command('longbench-write')
    .description(
      'LongBench-Write: S_l, S_q and S per bucket and language (generate with --data, or score --predictions)',
    )
    .option(
      '--data <file>',
      'LongBench-Write prompts (longbench_write.jsonl: {prompt, type, length}); generated with --model',
    )
    .option(
      '--predictions <file>',
      'score these outputs instead ({prompt, type, length, response} per line)',
    )
    .option('--judge-model <spec>', 'quality judge (default: the --model)')
    .option('--no-judge', 'length only: skip S_q and S')
    .addOption(
      new Option(
        '--language <lang>',
        'language split: auto (EN file next to the data, else by script), en, zh',
      )
        .choices(['auto', 'en', 'zh'])
        .default('auto'),
    )
    .option('--limit <n>', 'only the first n items', positiveInteger('--limit'))
    .option(
      '--judge-samples <k>',
      'judge samples averaged per item',
      positiveInteger('--judge-samples'),
      1,
    )
    .addOption(
      new Option(
        '--parse-mode <mode>',
        'judge output parsing: hardened, or upstream (LongWriter rules, comparison only)',
      )
        .choices(['hardened', 'upstream'])
        .default('hardened'),
    )
    .option(
      '--temperature <t>',
      'generation temperature (upstream: 0.5)',
      nonNegativeNumber('--temperature'),
      0.5,
    )
    .option(
      '--max-tokens <n>',
      'generation max tokens (upstream: 32768)',
      positiveInteger('--max-tokens'),
      32768,
    );
  addRunOptions(subcommand, {
    runDirHelp:
      'run folder (journal, predictions, judgements, report); default: .longform/runs/lbw-<hash>',
    timeoutMs: 600_000,
  }).action(async (options: EvalLongBenchWriteOptions, command: Command) => {
    const globals = context.globals(command);
    const cwd = context.io.cwd;
    const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
    if (!options.data && !options.predictions) {
      throw new InvalidInputError({
        message: 'give --data (to generate) or --predictions (to score)',
        field: '--data',
      });
    }

    const dataset = options.data
      ? await loadLongBenchWrite(abs(options.data), { language: options.language })
      : undefined;
    let items: LongBenchWriteRunItem[];
    if (options.predictions) {
      const languages = dataset
        ? new Map(dataset.map(row => [row.prompt, row.language]))
        : undefined;
      items = await loadLongBenchWritePredictions(
        abs(options.predictions),
        languages ? { languages } : {},
      );
      if (options.language !== 'auto')
        items = items.map(item => ({ ...item, language: options.language as 'en' | 'zh' }));
    } else {
      items = dataset!.map(({ prompt, type, length, language }) => ({
        prompt,
        type,
        length,
        language,
      }));
    }
    if (options.limit) items = items.slice(0, options.limit);
    if (items.length === 0)
      throw new InvalidInputError({
        message: 'no items to evaluate',
        file: options.predictions ?? options.data,
      });

    const needsModel = !options.predictions;
    const main =
      needsModel || (options.judge && !options.judgeModel)
        ? await context.resolveModel(globals)
        : undefined;
    let judgeModel: ResolvedModel | undefined;
    if (options.judge) {
      judgeModel = options.judgeModel
        ? resolveModel(options.judgeModel, { baseURL: globals.baseUrl, env: context.io.env })
        : main!.model;
      if (!globals.quiet)
        context.info(
          `judge: ${judgeModel.spec} (prompt ${QUALITY_JUDGE_PROMPT_VERSION}, ${options.parseMode} parsing)`,
        );
    }

    const config = {
      model: needsModel ? main!.model.spec : null,
      judge: judgeModel?.spec ?? null,
      judgeSamples: options.judgeSamples,
      parseMode: options.parseMode,
      temperature: options.temperature,
      maxTokens: options.maxTokens,
      items: hashItems(items),
    };
    let stage: string | undefined;
    const result = await withEvalRun(
      context,
      globals,
      { command: 'eval longbench-write', prefix: 'lbw', config, options },
      async ({ run, runDir, scheduler, progress }) => {
        const scored = await runLongBenchWrite({
          run,
          scheduler,
          items,
          ...(needsModel ? { model: main!.model } : {}),
          ...(judgeModel ? { judgeModel } : {}),
          generation: { temperature: options.temperature, maxOutputTokens: options.maxTokens },
          judge: { samples: options.judgeSamples, parseMode: options.parseMode },
          signal: context.io.signal,
          onProgress: event => {
            if (event.stage !== stage) {
              if (stage) progress.finish();
              stage = event.stage;
              progress.start({ label: event.stage, total: event.total, unit: 'items' });
            }
            progress.update(event.done);
          },
        });
        return { ...scored, runDir };
      },
    );
    warnGenerationFailures(context, result.generationFailures, 'item');
    for (const j of result.judgements) {
      if (j.status === 'failed')
        context.warn(`item ${j.index + 1}: judge failed (${j.samples.at(-1)?.error})`);
    }
    const data = {
      model: config.model,
      judge: result.judge ?? null,
      generationFailures: result.generationFailures,
      report: { ...result.report, items: undefined },
      items: result.report.items,
      files: result.files,
      runDir: result.runDir,
    };
    context.result(globals, data, () =>
      formatReport(result.report, result.generationFailures.length),
    );
  });
}

function formatReport(report: LongBenchWriteReport, generationFailures: number): string {
  const f = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(2));
  const rows: Array<[string, LongBenchWriteGroupScore | undefined]> = [
    ['overall', report.overall],
    ...LONG_BENCH_WRITE_BUCKETS.map(
      b => [b, report.byBucket[b]] as [string, LongBenchWriteGroupScore | undefined],
    ),
    ['en', report.byLanguage.en],
    ['zh', report.byLanguage.zh],
  ];
  const lines = [
    `${'group'.padEnd(10)}  ${'n'.padStart(4)}  ${'S_l'.padStart(6)}  ${'S_q'.padStart(6)}  ${'S'.padStart(6)}  judge failed`,
  ];
  for (const [name, g] of rows) {
    if (!g) continue;
    lines.push(
      [
        name.padEnd(10),
        String(g.n).padStart(4),
        f(g.lengthScore).padStart(6),
        f(g.quality?.score).padStart(6),
        f(g.score).padStart(6),
        g.quality
          ? `${g.quality.failures}/${g.quality.n + g.quality.failures}`.padStart(12)
          : '—'.padStart(12),
      ].join('  '),
    );
  }
  const q = report.overall.quality;
  if (q?.dimensions) {
    lines.push(
      `S_q by dimension: ${QUALITY_DIMENSIONS.map(d => `${d} ${q.dimensions![d].toFixed(1)}`).join(', ')}`,
    );
  }
  const notes = [`lengths counted with ${report.counter}`];
  if (report.overall.emptyOutputs > 0)
    notes.push(`${report.overall.emptyOutputs} empty outputs scored 0`);
  if (report.unbucketed > 0) notes.push(`${report.unbucketed} items above 20,000 in no bucket`);
  if (generationFailures > 0) notes.push(`${generationFailures} generation failures left out`);
  lines.push(notes.join('; '));
  return lines.join('\n');
}
