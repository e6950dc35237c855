import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { createScheduler, InvalidInputError, openRun } from '@longform/core';
import {
  aggregateSgm,
  aggregateTlg,
  aggregateTlgCounts,
  formatFixed2,
  MLT_TARGETS,
  type MltTarget,
  runTlg,
  type SgmReport,
  type TlgRecord,
  type TlgReport,
  type TlgRunItem,
  type TlgTargetCounts,
} from '@longform/eval';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CliContext } from '../cli-context';

interface EvalTlgOptions {
  mode: 'tlg' | 'counts' | 'sgm' | 'sgm-upstream';
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

/**
 * `longform eval tlg FILE`: Ruler's Target Length Generation scores, PM and FM per target, per level
 * and pooled over all items ("All Level"), with raw in/out counts and length errors. Also
 * re-aggregates published per-target counts (`--mode counts`) and scores self-generated MLTs
 * (`--mode sgm`, or `sgm-upstream` for upstream's scorer). Rows with an `Instruction` but no output
 * are generated first with the configured model and the TLG baseline prompt (journaled in a run
 * folder, so re-running resumes).
 */
export function registerEvalTlgCommand(parent: Command, context: CliContext): void {
  parent
    .command('tlg')
    .description('Ruler TLG: PM/FM per target, level and All Level (or --mode counts / sgm)')
    .argument(
      '<file>',
      'JSONL of {TargetLength, output|response|words} (or {Instruction, TargetLength} to generate); counts JSON; SGM outputs',
    )
    .addOption(
      new Option(
        '--mode <mode>',
        'tlg (outputs with targets), counts ({target: [PM_in, PM_out, FM_in, FM_out]}), sgm, sgm-upstream',
      )
        .choices(['tlg', 'counts', 'sgm', 'sgm-upstream'])
        .default('tlg'),
    )
    .option(
      '--temperature <t>',
      'generation temperature (pinned to 0 for comparability)',
      nonNegativeNumber('--temperature'),
      0,
    )
    .option(
      '--max-tokens <n>',
      'generation max tokens (Ruler: 2048)',
      positiveInteger('--max-tokens'),
      2048,
    )
    .option('--run-dir <dir>', 'run folder when generating; default: .longform/runs/tlg-<hash>')
    .option('--concurrency <n>', 'parallel model calls', positiveInteger('--concurrency'), 4)
    .option('--timeout <ms>', 'per-call timeout in ms', positiveInteger('--timeout'), 120_000)
    .option('--fresh', 'start the run over instead of resuming it', false)
    .action(async (fileArg: string, options: EvalTlgOptions, command: Command) => {
      const globals = context.globals(command);
      const file = isAbsolute(fileArg) ? fileArg : resolve(context.io.cwd, fileArg);
      const text = await readFile(file, 'utf8').catch(cause => {
        throw new InvalidInputError({
          message: `cannot read (${(cause as Error).message})`,
          file,
          cause,
        });
      });
      if (options.mode === 'sgm' || options.mode === 'sgm-upstream') {
        const outputs = jsonlRows(text, file).map(({ line, row }) => {
          const output = row.output ?? row.response;
          if (typeof output !== 'string') {
            throw new InvalidInputError({
              message: 'needs a string "output" (or "response")',
              file,
              line,
              field: 'output',
            });
          }
          return output;
        });
        const report = aggregateSgm(outputs, {
          mode: options.mode === 'sgm' ? 'fixed' : 'upstream',
        });
        context.result(globals, { file, ...report }, () => formatSgm(report));
        return;
      }
      if (options.mode === 'counts') {
        const report = aggregateTlgCounts(parseCounts(text, file));
        context.result(globals, { file, ...report }, () => formatTlg(report));
        return;
      }
      const rows = jsonlRows(text, file);
      if (
        rows.every(
          ({ row }) =>
            typeof (row.output ?? row.response) === 'string' || typeof row.words === 'number',
        )
      ) {
        const report = aggregateTlg(parseRecords(rows, file));
        context.result(globals, { file, ...report }, () => formatTlg(report));
        return;
      }

      const items: TlgRunItem[] = rows.map(({ line, row }) => {
        const target = row.TargetLength ?? row.target ?? row.targetLength;
        const output = row.output ?? row.response;
        const instruction = row.Instruction ?? row.instruction;
        return {
          line,
          target: typeof target === 'string' || typeof target === 'number' ? String(target) : '',
          ...(typeof instruction === 'string' ? { instruction } : {}),
          ...(typeof output === 'string' ? { output } : {}),
        };
      });
      const { model } = await context.resolveModel(globals);
      const abs = (p: string) => (isAbsolute(p) ? p : resolve(context.io.cwd, p));
      const config = {
        model: model.spec,
        temperature: options.temperature,
        maxTokens: options.maxTokens,
        items: createHash('sha256').update(JSON.stringify(items)).digest('hex'),
      };
      const hash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 12);
      const runDir = abs(options.runDir ?? join('.longform', 'runs', `tlg-${hash}`));
      const run = await openRun({
        dir: runDir,
        command: 'eval tlg',
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
        total: items.filter(i => i.output === undefined).length,
        unit: 'items',
      });
      try {
        const result = await runTlg({
          run,
          scheduler: createScheduler({
            concurrency: options.concurrency,
            timeoutMs: options.timeout,
            signal: context.io.signal,
          }),
          model,
          items,
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
        const data = {
          file,
          model: model.spec,
          generationFailures: result.generationFailures,
          files: result.files,
          runDir,
          ...result.report,
        };
        context.result(globals, data, () => formatTlg(result.report));
      } catch (error) {
        progress.finish();
        await run
          .setStatus(context.io.signal.aborted ? 'cancelled' : 'failed', { error })
          .catch(() => undefined);
        throw error;
      } finally {
        await run.close();
      }
    });
}

function jsonlRows(
  text: string,
  file: string,
): Array<{ line: number; row: Record<string, unknown> }> {
  const rows: Array<{ line: number; row: Record<string, unknown> }> = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch (cause) {
      throw new InvalidInputError({
        message: `not valid JSON (${(cause as Error).message})`,
        file,
        line: i + 1,
        cause,
      });
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new InvalidInputError({ message: 'expected a JSON object', file, line: i + 1 });
    }
    rows.push({ line: i + 1, row: row as Record<string, unknown> });
  });
  if (rows.length === 0) throw new InvalidInputError({ message: 'no rows', file });
  return rows;
}

function parseRecords(
  rows: Array<{ line: number; row: Record<string, unknown> }>,
  file: string,
): TlgRecord[] {
  return rows.map(({ line, row }) => {
    const target = row.TargetLength ?? row.target ?? row.targetLength;
    if (typeof target !== 'string' && typeof target !== 'number') {
      throw new InvalidInputError({
        message: 'needs a target ("TargetLength" or "target")',
        file,
        line,
        field: 'TargetLength',
      });
    }
    const key = String(target);
    if (!(MLT_TARGETS as readonly string[]).includes(key)) {
      throw new InvalidInputError({
        message: `unknown TLG target ${JSON.stringify(key)} (expected one of ${MLT_TARGETS.join(', ')})`,
        file,
        line,
        field: 'TargetLength',
      });
    }
    const output = row.output ?? row.response;
    if (typeof output === 'string') return { target: key, output };
    if (typeof row.words === 'number' && Number.isFinite(row.words) && row.words >= 0)
      return { target: key, words: row.words };
    throw new InvalidInputError({
      message: 'needs a string "output" (or "response"), or a word count "words"',
      file,
      line,
      field: 'output',
    });
  });
}

function parseCounts(text: string, file: string): Partial<Record<MltTarget, TlgTargetCounts>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InvalidInputError({
      message: `not valid JSON (${(cause as Error).message})`,
      file,
      cause,
    });
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new InvalidInputError({
      message: 'expected an object {target: [PM_in, PM_out, FM_in, FM_out]}',
      file,
    });
  }
  const counts: Partial<Record<MltTarget, TlgTargetCounts>> = {};
  for (const [target, value] of Object.entries(json)) {
    if (!(MLT_TARGETS as readonly string[]).includes(target)) {
      throw new InvalidInputError({
        message: `unknown TLG target (expected one of ${MLT_TARGETS.join(', ')})`,
        file,
        field: target,
      });
    }
    if (
      !Array.isArray(value) ||
      value.length !== 4 ||
      !value.every(v => Number.isInteger(v) && v >= 0)
    ) {
      throw new InvalidInputError({
        message: 'expected [PM_in, PM_out, FM_in, FM_out] as 4 integers ≥ 0',
        file,
        field: target,
      });
    }
    const [pmIn, pmOut, fmIn, fmOut] = value as number[];
    counts[target as MltTarget] = { pmIn: pmIn!, pmOut: pmOut!, fmIn: fmIn!, fmOut: fmOut! };
  }
  return counts;
}

function formatTlg(report: TlgReport): string {
  const lines = [
    `${'target'.padEnd(10)}${'n'.padStart(6)}${'PM'.padStart(8)}${'FM'.padStart(8)}   PM in/out   FM in/out`,
  ];
  for (const target of MLT_TARGETS) {
    const t = report.byTarget[target];
    if (!t) continue;
    lines.push(
      `${target.padEnd(10)}${String(t.n).padStart(6)}${formatFixed2(t.pm).padStart(8)}${formatFixed2(t.fm).padStart(8)}   ${`${t.pmIn}/${t.pmOut}`.padStart(9)}   ${`${t.fmIn}/${t.fmOut}`.padStart(9)}`,
    );
  }
  lines.push('');
  for (const [name, s] of Object.entries(report.byLevel)) {
    lines.push(
      `${name.padEnd(10)}${String(s.n).padStart(6)}${formatFixed2(s.pm).padStart(8)}${formatFixed2(s.fm).padStart(8)}`,
    );
  }
  lines.push(
    `${'All Level'.padEnd(10)}${String(report.all.n).padStart(6)}${formatFixed2(report.all.pm).padStart(8)}${formatFixed2(report.all.fm).padStart(8)}   (pooled over items)`,
  );
  lines.push(
    `${'mean of levels'.padEnd(16)}${formatFixed2(report.macro.pm).padStart(8)}${formatFixed2(report.macro.fm).padStart(8)}   (not the parity value)`,
  );
  const e = report.errors?.overall;
  if (e) {
    lines.push(
      `length error (excl. >800, n=${e.n}): MAE ${e.mae.toFixed(2)}, RMSE ${e.rmse.toFixed(2)}, mean signed ${e.meanSignedError.toFixed(2)}, exact match ${formatFixed2(e.exactMatchRate)}%`,
    );
  }
  lines.push(`words counted with ${report.counter}; PM/FM windows (lo, hi] of Ruler's code`);
  return lines.join('\n');
}

function formatSgm(report: SgmReport): string {
  return [
    MLT_TARGETS.map(t => t.padStart(6)).join('') + '      FM  avg words',
    MLT_TARGETS.map(t => String(report.mltCounts[t]).padStart(6)).join('') +
      formatFixed2(report.fm).padStart(8) +
      report.avgWords.toFixed(0).padStart(11),
    `${report.n} outputs, ${report.mode} scorer` +
      (report.mode === 'fixed'
        ? `; ${report.missingMlt} without a leading MLT, ${report.unknownMlt} with an unknown MLT`
        : '') +
      `; words counted with ${report.counter}`,
  ].join('\n');
}
