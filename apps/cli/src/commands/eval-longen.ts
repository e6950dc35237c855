import { createHash } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import { createScheduler, openRun } from '@longform/core';
import {
  LONGEN_TYPES,
  type LonGenReport,
  type LonGenRunItem,
  loadLonGenQueries,
  runLonGen,
  scoreLonGen,
} from '@longform/eval';
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../cli-context';

interface EvalLonGenOptions {
  limit?: number;
  temperature: number;
  maxTokens: number;
  runDir?: string;
  concurrency: number;
  timeout: number;
  fresh: boolean;
}

function positiveInteger(name: string) {
  return (value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0)
      throw new InvalidArgumentError(`${name} must be a positive integer`);
    return parsed;
  };
}

function nonNegativeNumber(name: string) {
  return (value: string) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0)
      throw new InvalidArgumentError(`${name} must be a number ≥ 0`);
    return parsed;
  };
}

type Summary = Omit<LonGenReport, 'items'>;

/**
 * `longform eval longen FILE`: the LonGen length-following score (Self-Lengthen), the mean per
 * constraint type and the micro-averaged Overall, plus the same per language. Rows that carry a
 * `response` are scored as they are; rows without one are generated from their `query` with the
 * configured model first (journaled in a run folder, so re-running resumes).
 */
export function registerEvalLonGenCommand(parent: Command, context: CliContext): void {
  parent
    .command('longen')
    .description(
      'LonGen length following (per type, Overall); generates missing responses with --model',
    )
    .argument(
      '<file>',
      'JSONL of LonGen rows {type, constraint, query, language?, range?, response?}',
    )
    .option('--limit <n>', 'only the first n rows', positiveInteger('--limit'))
    .option(
      '--temperature <t>',
      'generation temperature (Self-Lengthen: 0.7)',
      nonNegativeNumber('--temperature'),
      0.7,
    )
    .option(
      '--max-tokens <n>',
      'generation max tokens (Self-Lengthen: 16384)',
      positiveInteger('--max-tokens'),
      16384,
    )
    .option('--run-dir <dir>', 'run folder when generating; default: .longform/runs/longen-<hash>')
    .option('--concurrency <n>', 'parallel model calls', positiveInteger('--concurrency'), 4)
    .option('--timeout <ms>', 'per-call timeout in ms', positiveInteger('--timeout'), 600_000)
    .option('--fresh', 'start the run over instead of resuming it', false)
    .action(async (fileArg: string, options: EvalLonGenOptions, command: Command) => {
      const globals = context.globals(command);
      const abs = (p: string) => (isAbsolute(p) ? p : resolve(context.io.cwd, p));
      const file = abs(fileArg);
      let rows: LonGenRunItem[] = await loadLonGenQueries(file);
      if (options.limit) rows = rows.slice(0, options.limit);

      let report: LonGenReport;
      let scored: Array<LonGenRunItem & { response: string }>;
      let extra: Record<string, unknown> = {};
      if (rows.every(row => row.response !== undefined)) {
        scored = rows as Array<LonGenRunItem & { response: string }>;
        report = scoreLonGen(scored, { file });
      } else {
        const { model } = await context.resolveModel(globals);
        const config = {
          model: model.spec,
          temperature: options.temperature,
          maxTokens: options.maxTokens,
          items: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
        };
        const hash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 12);
        const runDir = abs(options.runDir ?? join('.longform', 'runs', `longen-${hash}`));
        const run = await openRun({
          dir: runDir,
          command: 'eval longen',
          config,
          resume: options.fresh ? 'force-new' : 'auto',
        });
        if (!globals.quiet) {
          context.info(
            run.resumed
              ? `resuming the run in ${runDir} (${run.journal.count} steps done)`
              : `run folder: ${runDir}`,
          );
        }
        const progress = context.progress(globals);
        progress.start({
          label: 'generate',
          total: rows.filter(r => r.response === undefined).length,
          unit: 'items',
        });
        try {
          const result = await runLonGen({
            run,
            scheduler: createScheduler({
              concurrency: options.concurrency,
              timeoutMs: options.timeout,
              signal: context.io.signal,
            }),
            model,
            items: rows,
            file,
            generation: { temperature: options.temperature, maxOutputTokens: options.maxTokens },
            signal: context.io.signal,
            onProgress: done => progress.update(done),
          });
          progress.finish();
          await run.setStatus('completed');
          for (const failure of result.generationFailures) {
            context.warn(
              `row ${failure.index + 1}: generation failed, left out of the scores (${failure.error})`,
            );
          }
          report = result.report;
          scored = result.predictions;
          extra = {
            model: model.spec,
            generationFailures: result.generationFailures,
            files: result.files,
            runDir,
          };
        } catch (error) {
          progress.finish();
          await run
            .setStatus(context.io.signal.aborted ? 'cancelled' : 'failed', { error })
            .catch(() => undefined);
          throw error;
        } finally {
          await run.close();
        }
      }

      const byLanguage: Record<string, Summary> = {};
      for (const language of [
        ...new Set(scored.map(r => r.language).filter(l => l !== undefined)),
      ].sort()) {
        const { items: _items, ...rest } = scoreLonGen(
          scored.filter(r => r.language === language),
          { file },
        );
        byLanguage[language!] = rest;
      }
      context.result(globals, { file, ...extra, ...report, byLanguage }, () =>
        formatReport(report, byLanguage),
      );
    });
}

function formatReport(report: LonGenReport, byLanguage: Record<string, Summary>): string {
  const columns = [...LONGEN_TYPES, 'Overall'] as const;
  const header = `${''.padEnd(8)}${columns.map(c => c.padStart(10)).join('')}`;
  const line = (name: string, r: Summary) =>
    `${name.padEnd(8)}${columns
      .map(c => (c === 'Overall' ? r.overall.score : r.byType[c]?.score)?.toFixed(6) ?? '—')
      .map(v => v.padStart(10))
      .join('')}`;
  const lines = [header, line('all', report)];
  for (const [language, summary] of Object.entries(byLanguage)) lines.push(line(language, summary));
  lines.push(
    `n = ${report.overall.n} (${LONGEN_TYPES.map(t => `${t} ${report.byType[t]?.n ?? 0}`).join(', ')}); lengths counted with ${report.counter}`,
  );
  return lines.join('\n');
}
