/**
 * LongBench-Write S_l of the AgentWrite writer on every simulator length profile, beside a
 * single-call baseline (the prompt sent once, as LongBench-Write's pred.py does).
 *
 *   npm run bench:sl -w @longform/bench-agentwrite            # all 120 prompts, 5 profiles
 *   LIMIT=20 PROFILES=under,over npm run bench:sl -w @longform/bench-agentwrite
 *   FAITHFUL=1 npm run bench:sl -w @longform/bench-agentwrite   # adds LongWriter-as-published
 *
 * Target S_l ≥ 97 for the writer on every profile. Lengths use the LongWriter counter.
 */
import { readFileSync } from 'node:fs';
import {
  createAgentWriter,
  createModelStepRunner,
  extractTargetLength,
} from '@longform/agentwrite';
import { countWordsLongWriter } from '@longform/core';
import { scoreLength } from '@longform/eval';
import { createSim } from '@longform/sim';
import { generateText } from 'ai';

const DATA =
  process.env.LONGBENCH_WRITE_FILE ??
  new URL('../../../../shared/datasets/longbench-write/longbench_write.jsonl', import.meta.url)
    .pathname;
const PROFILES = (process.env.PROFILES ?? 'compliant,under,over,capped,noisy').split(',') as (
  | 'compliant'
  | 'under'
  | 'over'
  | 'capped'
  | 'noisy'
)[];
const LIMIT = Number(process.env.LIMIT ?? 120);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const SEED = Number(process.env.SEED ?? 1);
const FAITHFUL = process.env.FAITHFUL === '1';

interface Row {
  prompt: string;
  length: number;
}
const rows: Row[] = readFileSync(DATA, 'utf8')
  .trim()
  .split('\n')
  .slice(0, LIMIT)
  .map(line => JSON.parse(line) as Row);

async function pool<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!, i);
      }
    }),
  );
  return results;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface ProfileResult {
  profile: string;
  writerSl: number;
  faithfulSl?: number;
  baselineSl: number;
  failures: number;
  calls: number;
  ms: number;
  noNumber: number;
}

const results: ProfileResult[] = [];
for (const profile of PROFILES) {
  const provider = createSim({ seed: SEED, profile });
  const model = provider('sim');
  const writer = createAgentWriter({
    runner: createModelStepRunner(model),
    supportsStructuredOutput: false,
  });
  const faithful = createAgentWriter({ runner: createModelStepRunner(model), mode: 'faithful' });
  const started = performance.now();
  let failures = 0;
  let calls = 0;
  let noNumber = 0;
  const scores = await pool(rows, CONCURRENCY, async row => {
    // The 4 prompts without a stated number get the annotated length as --words would give it.
    let targetWords: number | undefined;
    try {
      extractTargetLength(row.prompt);
    } catch {
      noNumber++;
      targetWords = row.length;
    }
    let writerScore = 0;
    try {
      const result = await writer.write({
        instruction: row.prompt,
        ...(targetWords ? { targetWords } : {}),
      });
      calls += result.modelCalls;
      writerScore = scoreLength(row.length, countWordsLongWriter(result.document));
    } catch (error) {
      failures++;
      console.error(
        `  ${profile}: "${row.prompt.slice(0, 50)}…" failed: ${(error as Error).message}`,
      );
    }
    let faithfulScore: number | undefined;
    if (FAITHFUL) {
      try {
        const result = await faithful.write({
          instruction: row.prompt,
          ...(targetWords ? { targetWords } : {}),
        });
        faithfulScore = scoreLength(row.length, countWordsLongWriter(result.document));
      } catch {
        faithfulScore = 0;
      }
    }
    const baseline = await generateText({
      model,
      prompt: row.prompt,
      temperature: 0.5,
      maxOutputTokens: 32_768,
    });
    const baselineScore = scoreLength(row.length, countWordsLongWriter(baseline.text));
    return { writerScore, faithfulScore, baselineScore };
  });
  results.push({
    profile,
    writerSl: mean(scores.map(s => s.writerScore)),
    ...(FAITHFUL ? { faithfulSl: mean(scores.map(s => s.faithfulScore ?? 0)) } : {}),
    baselineSl: mean(scores.map(s => s.baselineScore)),
    failures,
    calls,
    ms: performance.now() - started,
    noNumber,
  });
}

console.log(
  `\nLongBench-Write S_l (${rows.length} prompts, LongWriter counter, simulator seed ${SEED})\n`,
);
console.log(
  `| profile | AgentWrite (controlled) |${FAITHFUL ? ' AgentWrite (faithful) |' : ''} single call | failures | model calls | time |`,
);
console.log(`| --- | --- |${FAITHFUL ? ' --- |' : ''} --- | --- | --- | --- |`);
for (const r of results) {
  const faithfulCell = r.faithfulSl !== undefined ? ` ${r.faithfulSl.toFixed(2)} |` : '';
  console.log(
    `| ${r.profile} | ${r.writerSl.toFixed(2)} |${faithfulCell} ${r.baselineSl.toFixed(2)} | ${r.failures} | ${r.calls} | ${(r.ms / 1000).toFixed(1)} s |`,
  );
}
const worst = Math.min(...results.map(r => r.writerSl));
console.log(
  `\nlowest writer S_l: ${worst.toFixed(2)} (target ≥ 97) ${worst >= 97 ? 'PASS' : 'FAIL'}`,
);
console.log(`prompts without a stated length (given --words): ${results[0]?.noNumber ?? 0}`);
if (worst < 97) process.exitCode = 1;
