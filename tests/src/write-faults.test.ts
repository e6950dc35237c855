import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countWordsLongWriter } from '@longform/core';
import { scoreLength } from '@longform/eval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LongformResult, runLongform } from './helpers/longform-process';
import {
  charactersOutsideSimProse,
  findPromptLeftovers,
  headingProblems,
} from './helpers/markdown-checks';
import { type SimServerStats, startSimServerProcess } from './helpers/sim-server';
import { makeTempDir } from './helpers/temp-dir';
import { type SimProfile, writeArgs } from './helpers/write-command';
import { readWriteReport, reportProblems } from './helpers/write-report';

// 10,000 words take about twenty requests, so each fault kind is drawn a few times across the seeds.
const INSTRUCTION = 'Write a 10000-word account of how harbour pilots guide ships into port.';
const TARGET = 10_000;

/** A run that outlives this is a hang, whatever it would have done later. */
const HANG_LIMIT_MS = 90_000;

interface FaultScenario {
  name: string;
  serverArgs: string[];
  writeArgs: string[];
  /** Seeds, each with its own profile so the faults hit plans, first writes and control rounds. */
  runs: { seed: number; profile: SimProfile }[];
  /** Which fault kinds the scenario must actually have injected across its seeds. */
  injected: (keyof SimServerStats['faults'])[];
}

const scenarios: FaultScenario[] = [
  {
    name: '20 % of requests fail: 429, 500, cut streams, malformed JSON',
    serverArgs: [
      '--fault-429',
      '0.05',
      '--fault-500',
      '0.05',
      '--fault-truncate',
      '0.05',
      '--fault-malformed',
      '0.05',
      // A 429 still says when to come back, just not a whole second later.
      '--retry-after',
      '0',
    ],
    writeArgs: [],
    runs: [
      { seed: 1, profile: 'compliant' },
      { seed: 2, profile: 'under' },
      { seed: 3, profile: 'over' },
      { seed: 4, profile: 'noisy' },
    ],
    injected: ['429', '500', 'truncate', 'malformed'],
  },
  {
    name: 'some requests never answer',
    serverArgs: ['--fault-hang', '0.08'],
    // A hung call is abandoned after 1.5 s and retried, instead of after the default two minutes.
    writeArgs: ['--timeout', '1500'],
    runs: [
      { seed: 1, profile: 'compliant' },
      { seed: 2, profile: 'under' },
      { seed: 3, profile: 'noisy' },
    ],
    injected: ['hang'],
  },
];

/**
 * What the acceptance criterion allows: exit 0 with a document of the right length that holds
 * nothing but prose, or exit 1 with one clear `error:` line. Never a crash trace, never a signal.
 */
async function expectCleanOutcome(result: LongformResult, out: string, runDir: string) {
  expect(result.signal, result.stderr).toBeNull();
  expect([0, 1], result.stderr).toContain(result.code);
  expect(result.stderr, 'a crash trace reached the user').not.toMatch(/^\s+at .+[:(]/m);
  expect(result.stderr).not.toMatch(/^Node\.js v\d+/m);
  expect(result.stderr).not.toMatch(/unhandled|uncaught/i);

  if (result.code === 0) {
    const document = await readFile(out, 'utf8');
    const words = countWordsLongWriter(document);
    expect(scoreLength(TARGET, words), `${words} words`).toBeGreaterThanOrEqual(97);
    expect(charactersOutsideSimProse(document), 'failure text in the document').toEqual([]);
    expect(findPromptLeftovers(document)).toEqual([]);
    expect(headingProblems(document)).toEqual([]);
    const report = await readWriteReport(runDir);
    expect(reportProblems(report, document, { targetWords: TARGET })).toEqual([]);
  } else {
    expect(result.stderr).toMatch(/^error: \S.{10,}$/m);
    // A failed run publishes no document.
    expect(existsSync(out)).toBe(false);
    const manifest = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as {
      status: string;
    };
    expect(manifest.status).toBe('failed');
  }
}

interface Outcome {
  seed: number;
  profile: SimProfile;
  result: LongformResult;
  stats: SimServerStats;
  out: string;
  runDir: string;
}

async function writeAgainstFaultyServer(
  scenario: FaultScenario,
  run: FaultScenario['runs'][number],
  dir: string,
): Promise<Outcome> {
  // One server per run: faults are drawn from (seed, request number), so each run is repeatable.
  const server = await startSimServerProcess(['--seed', String(run.seed), ...scenario.serverArgs]);
  const out = join(dir, `seed-${run.seed}`, 'doc.md');
  const runDir = join(dir, `seed-${run.seed}`, 'run');
  let result: LongformResult;
  let stats: SimServerStats;
  try {
    result = await runLongform(
      writeArgs({
        url: server.url,
        profile: run.profile,
        instruction: INSTRUCTION,
        out,
        runDir,
        extra: scenario.writeArgs,
      }),
      { timeoutMs: HANG_LIMIT_MS },
    );
  } finally {
    stats = await server.stopWithStats();
  }
  return { ...run, result, stats, out, runDir };
}

// AgentWrite issue, acceptance criterion 3.
describe('longform write against a simulator that injects faults', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    tmp = await makeTempDir('write-faults');
  });

  afterAll(async () => {
    await tmp?.remove();
  });

  it.each(scenarios)(
    '$name: every seed completes or fails cleanly',
    async scenario => {
      // The seeds run side by side: most of a faulty run's time is spent waiting (retry back-off,
      // hung calls timing out), not computing, and each run has its own server.
      const outcomes = await Promise.all(
        scenario.runs.map(run =>
          writeAgainstFaultyServer(scenario, run, join(tmp.path, scenario.injected.join('-'))),
        ),
      );

      for (const outcome of outcomes) {
        try {
          await expectCleanOutcome(outcome.result, outcome.out, outcome.runDir);
        } catch (error) {
          if (error instanceof Error) {
            error.message = `seed ${outcome.seed} (${outcome.profile}): ${error.message}`;
          }
          throw error;
        }
      }

      const summary = JSON.stringify(
        outcomes.map(o => ({ seed: o.seed, code: o.result.code, faults: o.stats.faults })),
      );
      for (const kind of scenario.injected) {
        const count = outcomes.reduce((n, o) => n + o.stats.faults[kind], 0);
        expect(count, `${kind} faults injected across the seeds: ${summary}`).toBeGreaterThan(0);
      }
      // Faults are transient: retrying them is the point, so giving up must stay the exception.
      const completed = outcomes.filter(o => o.result.code === 0).length;
      expect(completed, summary).toBeGreaterThanOrEqual(scenario.runs.length - 1);
    },
    // Several runs at once on a shared machine; each one is still bounded by HANG_LIMIT_MS.
    HANG_LIMIT_MS + 30_000,
  );

  // The other half of the criterion: when retrying cannot help, the run must end, say so on one
  // `error:` line, publish nothing, and leave the run marked failed (so a later run can resume).
  it.each([
    { fault: 'every request answered 429', serverArgs: ['--fault-429', '1', '--retry-after', '0'] },
    { fault: 'every response malformed', serverArgs: ['--fault-malformed', '1'] },
  ])('$fault: exit 1 with a clear error, no document', async ({ fault, serverArgs }) => {
    const scenario: FaultScenario = {
      name: fault,
      serverArgs,
      writeArgs: [],
      runs: [{ seed: 1, profile: 'compliant' }],
      injected: [],
    };
    const dir = join(tmp.path, fault.replaceAll(' ', '-'));
    const outcome = await writeAgainstFaultyServer(scenario, scenario.runs[0]!, dir);
    expect(outcome.result.code, outcome.result.stderr).toBe(1);
    expect(outcome.result.stderr).toMatch(/^error: the plan call failed: \S/m);
    await expectCleanOutcome(outcome.result, outcome.out, outcome.runDir);
    expect(outcome.stats.completed).toBe(0);
    expect(outcome.stats.faults.total).toBe(outcome.stats.requests);
  });
});
