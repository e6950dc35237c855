import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { InvalidInputError, readJsonLines } from '@longform/core';
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
import { type Command, Option } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cli-context';
import { nonNegativeNumber, positiveInteger } from '../options/number-options';
import { type GenerationOptions, generateInRun } from './eval-shared/generate-in-run';
import { addRunOptions } from './eval-shared/run-options';

interface EvalTlgOptions extends GenerationOptions {
  mode: 'tlg' | 'counts' | 'sgm' | 'sgm-upstream';
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
  const subcommand = parent
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
    );
  addRunOptions(subcommand, {
    runDirHelp: 'run folder when generating; default: .longform/runs/tlg-<hash>',
    timeoutMs: 120_000,
  }).action(async (fileArg: string, options: EvalTlgOptions, command: Command) => {
    const globals = context.globals(command);
    const file = isAbsolute(fileArg) ? fileArg : resolve(context.io.cwd, fileArg);
    if (options.mode === 'sgm' || options.mode === 'sgm-upstream') {
      const outputs = (await jsonlRows(file)).map(({ line, row }) => {
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
      const text = await readFile(file, 'utf8').catch(cause => {
        throw cannotRead(file, cause);
      });
      const report = aggregateTlgCounts(parseCounts(text, file));
      context.result(globals, { file, ...report }, () => formatTlg(report));
      return;
    }
    const rows = await jsonlRows(file);
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
    const result = await generateInRun(
      context,
      globals,
      {
        command: 'eval tlg',
        prefix: 'tlg',
        model,
        options,
        items,
        pending: items.filter(i => i.output === undefined).length,
      },
      args => runTlg({ ...args, items, file }),
    );
    const data = {
      file,
      model: model.spec,
      generationFailures: result.generationFailures,
      files: result.files,
      runDir: result.runDir,
      ...result.report,
    };
    context.result(globals, data, () => formatTlg(result.report));
  });
}

// Rows are free-form (Ruler's and longform's field names differ), so any object passes here.
const jsonObjectSchema = z.record(z.string(), z.unknown(), { error: 'expected a JSON object' });

function cannotRead(file: string, cause: unknown): InvalidInputError {
  return new InvalidInputError({
    message: `cannot read (${(cause as Error).message})`,
    file,
    cause,
  });
}

async function jsonlRows(
  file: string,
): Promise<Array<{ line: number; row: Record<string, unknown> }>> {
  const rows: Array<{ line: number; row: Record<string, unknown> }> = [];
  try {
    for await (const { line, value } of readJsonLines(file, jsonObjectSchema)) {
      rows.push({ line, row: value });
    }
  } catch (error) {
    if (InvalidInputError.isInstance(error)) throw error;
    throw cannotRead(file, error);
  }
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
