import { isAbsolute, resolve } from 'node:path';
import {
  LONGEN_TYPES,
  type LonGenReport,
  type LonGenRunItem,
  loadLonGenQueries,
  runLonGen,
  scoreLonGen,
} from '@longform/eval';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { nonNegativeNumber, positiveInteger } from '../options/number-options';
import { type GenerationOptions, generateInRun } from './eval-shared/generate-in-run';
import { addRunOptions } from './eval-shared/run-options';

interface EvalLonGenOptions extends GenerationOptions {
  limit?: number;
}

type Summary = Omit<LonGenReport, 'items'>;

/**
 * `longform eval longen FILE`: the LonGen length-following score (Self-Lengthen), the mean per
 * constraint type and the micro-averaged Overall, plus the same per language. Rows that carry a
 * `response` are scored as they are; rows without one are generated from their `query` with the
 * configured model first (journaled in a run folder, so re-running resumes).
 */
export function registerEvalLonGenCommand(parent: Command, context: CliContext): void {
  const subcommand = parent
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
    );
  addRunOptions(subcommand, {
    runDirHelp: 'run folder when generating; default: .longform/runs/longen-<hash>',
    timeoutMs: 600_000,
  }).action(async (fileArg: string, options: EvalLonGenOptions, command: Command) => {
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
      const result = await generateInRun(
        context,
        globals,
        {
          command: 'eval longen',
          prefix: 'longen',
          model,
          options,
          items: rows,
          pending: rows.filter(r => r.response === undefined).length,
        },
        args => runLonGen({ ...args, items: rows, file }),
      );
      report = result.report;
      scored = result.predictions;
      extra = {
        model: model.spec,
        generationFailures: result.generationFailures,
        files: result.files,
        runDir: result.runDir,
      };
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
