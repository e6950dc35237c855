/**
 * Times AlpacaEval's full LC pipeline (5-fold CV over 10 C values + refit) for every model of the
 * conformance set, in both fold orders, and prints the worst difference per column against
 * `conformance/expected.csv`. Data: `../shared/alpaca-eval-lc` next to the repo root, or the
 * directory given as the first argument / LONGFORM_ALPACA_EVAL_LC_DIR.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  computeLengthControlledWinRate,
  computeRawWinRate,
  LC_FOLD_ORDERS,
  type LengthControlledWinRate,
  parseConformanceRows,
  parseCsv,
  parseGamedData,
} from '@longform/eval';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = resolve(
  process.argv[2] ??
    process.env.LONGFORM_ALPACA_EVAL_LC_DIR ??
    join(repoRoot, '..', 'shared', 'alpaca-eval-lc'),
);
const conformance = join(dataDir, 'conformance');

const gamedPath = join(dataDir, 'df_gamed.csv');
const gamed = parseGamedData(readFileSync(gamedPath, 'utf8'), { file: gamedPath });
const [header, ...records] = parseCsv(readFileSync(join(conformance, 'expected.csv'), 'utf8'));
const expected = records.map(r =>
  Object.fromEntries(header!.fields.map((name, k) => [name, r.fields[k]!])),
);
const value = (row: Record<string, string>, column: string) =>
  row[column] === undefined || row[column] === '' ? undefined : Number(row[column]);

const worst = new Map<string, { diff: number; model: string }>();
const record = (column: string, model: string, actual: number, reference: number | undefined) => {
  if (reference === undefined) return;
  const diff = Math.abs(actual - reference);
  const current = worst.get(column);
  if (!current || diff > current.diff || Number.isNaN(diff)) worst.set(column, { diff, model });
};
const mismatchedC: string[] = [];

console.log(`LC pipeline (CV + refit) on ${expected.length} conformance models, data ${dataDir}`);
console.log(
  'model                               rows   modern ms  legacy ms   official LC        LC (official order)',
);
let total = 0;
const cpuStart = process.cpuUsage();
const perFit: number[] = [];
for (const row of expected) {
  const model = row.model!;
  const rows = parseConformanceRows(
    readFileSync(join(conformance, 'models', `${model}.jsonl`), 'utf8'),
    {
      file: `${model}.jsonl`,
    },
  );
  const raw = computeRawWinRate(rows.map(r => r.preference));
  for (const [column, actual] of [
    ['win_rate', raw.winRate],
    ['standard_error', raw.standardError],
    ['discrete_win_rate', raw.discreteWinRate],
    ['n_wins', raw.nWins],
    ['n_wins_base', raw.nWinsBase],
    ['n_draws', raw.nDraws],
    ['n_total', raw.nTotal],
  ] as const) {
    record(column, model, actual, value(row, column));
  }
  const baselineVsItself = row.generator_2 === 'gpt4_1106_preview';
  const results: Partial<Record<string, LengthControlledWinRate>> = {};
  const times: number[] = [];
  for (const order of LC_FOLD_ORDERS) {
    const start = performance.now();
    const result = computeLengthControlledWinRate(rows, {
      gamed,
      foldOrder: order,
      baselineVsItself,
    });
    const ms = performance.now() - start;
    times.push(ms);
    total += ms;
    if (!baselineVsItself) perFit.push(ms);
    results[order] = result;
    if (baselineVsItself) continue;
    if (result.C !== value(row, `${order}_C`)) mismatchedC.push(`${model} (${order})`);
    record(`${order}_lc`, model, result.lengthControlledWinRate, value(row, `${order}_lc`));
    record(`${order}_lc_se`, model, result.lcStandardError, value(row, `${order}_lc_se`));
    record(`${order}_coef_len`, model, result.coefficients.length, value(row, `${order}_coef_len`));
    record(
      `${order}_coef_difficulty`,
      model,
      result.coefficients.difficulty,
      value(row, `${order}_coef_difficulty`),
    );
    record(
      `${order}_coef_model`,
      model,
      result.coefficients.model,
      value(row, `${order}_coef_model`),
    );
  }
  const officialOrder = row.official_variant!.split('+')[0]!;
  const official = results[officialOrder]!;
  record(
    'length_controlled_winrate',
    model,
    official.lengthControlledWinRate,
    value(row, 'length_controlled_winrate'),
  );
  record('lc_standard_error', model, official.lcStandardError, value(row, 'lc_standard_error'));
  console.log(
    `${model.padEnd(35)} ${String(rows.length).padStart(4)} ${times[0]!.toFixed(1).padStart(11)} ${times[1]!.toFixed(1).padStart(10)}   ${row.length_controlled_winrate!.slice(0, 16).padEnd(18)} ${official.lengthControlledWinRate}`,
  );
}
perFit.sort((a, b) => a - b);
const cpu = process.cpuUsage(cpuStart);
console.log(
  `\ntotal ${(total / 1000).toFixed(2)} s for ${perFit.length} fitted pipelines (+2 baseline runs); median ${perFit[Math.floor(perFit.length / 2)]!.toFixed(1)} ms, max ${perFit.at(-1)!.toFixed(1)} ms per pipeline; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (wall times include other load on the machine)`,
);
console.log('\nworst |difference| per column against expected.csv:');
for (const [column, { diff, model }] of worst)
  console.log(`  ${column.padEnd(28)} ${diff.toExponential(2).padStart(10)}  (${model})`);
console.log(
  mismatchedC.length === 0
    ? '\nchosen C: all match modern_C / legacy_C exactly'
    : `\nchosen C differs: ${mismatchedC.join(', ')}`,
);
if (mismatchedC.length > 0) process.exitCode = 1;
