import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countJournalSteps, waitForJournalSteps } from './helpers/journal-steps';
import { startLongform } from './helpers/longform-child';
import { runLongform } from './helpers/longform-process';
import { type RunningSimServer, startSimServerProcess } from './helpers/sim-server';
import { makeTempDir } from './helpers/temp-dir';
import { type SimProfile, writeArgs } from './helpers/write-command';
import { readWriteReport, reportProblems } from './helpers/write-report';

const INSTRUCTION = 'Write a 4000-word guide to restoring an old wooden sailing boat.';

// AgentWrite issue, acceptance criterion 2: a write killed outright (no chance to clean up) and started
// again with the same command ends with the same bytes as a run that was never interrupted, and the
// second start pays only for the steps the first one had not finished.
describe('longform write: SIGKILL mid-section, then the same command resumes', () => {
  let server: RunningSimServer;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    tmp = await makeTempDir('write-resume');
    // Some latency, so that a kill right after the second journal step lands inside the next call
    // rather than after the whole (otherwise sub-second) run. Output does not depend on timing.
    server = await startSimServerProcess(['--seed', '5', '--ttft-ms', '60', '--tps', '10000']);
  });

  afterAll(async () => {
    await server?.stop();
    await tmp?.remove();
  });

  // `under` resumes through continue rounds, `noisy` through continue and trim rounds, both of which
  // feed the length calibrator: a resume that lost its state would write different later sections.
  it.each<SimProfile>(['under', 'noisy'])(
    'profile %s: byte-identical to an uninterrupted run, with fewer model calls',
    async profile => {
      const dir = join(tmp.path, profile);
      const referenceOut = join(dir, 'reference.md');
      const referenceRun = join(dir, 'reference-run');
      const reference = await runLongform(
        writeArgs({
          url: server.url,
          profile,
          instruction: INSTRUCTION,
          out: referenceOut,
          runDir: referenceRun,
        }),
      );
      expect(reference.code, reference.stderr).toBe(0);
      const referenceReport = await readWriteReport(referenceRun);
      // Enough steps that a kill after two of them leaves work to resume.
      expect(referenceReport.modelCalls).toBeGreaterThan(4);

      const out = join(dir, 'doc.md');
      const runDir = join(dir, 'run');
      const args = writeArgs({ url: server.url, profile, instruction: INSTRUCTION, out, runDir });

      const first = startLongform(args);
      try {
        await waitForJournalSteps(runDir, 2, { isDone: first.exited });
      } finally {
        first.child.kill('SIGKILL');
      }
      const killed = await first.result;
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      // The kill interrupted the write: nothing was finished or published.
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(runDir, 'report.json'))).toBe(false);
      const stepsAtKill = await countJournalSteps(runDir);
      expect(stepsAtKill).toBeGreaterThanOrEqual(2);
      expect(stepsAtKill).toBeLessThan(referenceReport.modelCalls);

      const resumed = await runLongform(args);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain(`resuming the run in ${runDir}`);

      const [document, referenceDocument] = await Promise.all([
        readFile(out),
        readFile(referenceOut),
      ]);
      expect(
        document.equals(referenceDocument),
        'resumed document differs from the reference',
      ).toBe(true);

      const report = await readWriteReport(runDir);
      expect(reportProblems(report, document.toString('utf8'), { targetWords: 4000 })).toEqual([]);
      expect(report.journalHits).toBe(stepsAtKill);
      expect(report.modelCalls).toBeLessThan(referenceReport.modelCalls);
      expect(report.modelCalls + report.journalHits).toBe(referenceReport.modelCalls);
      expect(report.sections.map(s => s.actualWords)).toEqual(
        referenceReport.sections.map(s => s.actualWords),
      );
      // The attempts replayed from the journal are the ones the killed run had finished.
      const replayed = report.sections.flatMap(s => s.attempts).filter(a => a.fromJournal).length;
      expect(replayed).toBe(stepsAtKill - 1 /* the plan */);
    },
  );
});
