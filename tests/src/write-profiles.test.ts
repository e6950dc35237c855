import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countWordsLongWriter } from '@longform/core';
import { scoreLength } from '@longform/eval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLongform } from './helpers/longform-process';
import {
  charactersOutsideSimProse,
  findPromptLeftovers,
  headingProblems,
} from './helpers/markdown-checks';
import { type RunningSimServer, startSimServerProcess } from './helpers/sim-server';
import { makeTempDir } from './helpers/temp-dir';
import { SIM_PROFILES, writeArgs } from './helpers/write-command';
import { readWriteReport, reportProblems } from './helpers/write-report';

const INSTRUCTION =
  'Write a 10000-word history of lighthouses, from the Pharos of Alexandria to automated beacons.';
const TARGET = 10_000;

// AgentWrite issue, acceptance criterion 1: one line in, a document of the requested length out, for a
// model that writes what it is asked, too little, too much, at most 2,000 words, or anything ±40 %.
describe('longform write: a 10,000-word document from a one-line instruction', () => {
  let server: RunningSimServer;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    tmp = await makeTempDir('write-profiles');
    server = await startSimServerProcess(['--seed', '11']);
  });

  afterAll(async () => {
    await server?.stop();
    await tmp?.remove();
  });

  // One profile at a time: each run keeps a core busy for a few seconds, and the machine has two.
  it.each(SIM_PROFILES)(
    'profile %s: S_l ≥ 97, clean Markdown, a report that matches',
    async profile => {
      const out = join(tmp.path, profile, 'doc.md');
      const runDir = join(tmp.path, profile, 'run');
      const result = await runLongform(
        writeArgs({ url: server.url, profile, instruction: INSTRUCTION, out, runDir }),
        { timeoutMs: 90_000 },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`model: openai-compatible:sim:${profile} at ${server.url}`);
      expect(result.stdout).toContain(`wrote ${out}`);

      const document = await readFile(out, 'utf8');
      const words = countWordsLongWriter(document);
      expect(
        scoreLength(TARGET, words),
        `${words} words for ${TARGET} requested`,
      ).toBeGreaterThanOrEqual(97);
      expect(headingProblems(document)).toEqual([]);
      expect(findPromptLeftovers(document)).toEqual([]);
      expect(charactersOutsideSimProse(document)).toEqual([]);

      const report = await readWriteReport(runDir);
      expect(reportProblems(report, document, { targetWords: TARGET })).toEqual([]);
      expect(report.instruction).toBe(INSTRUCTION);
      // A fresh run replays nothing.
      expect(report.journalHits).toBe(0);
      expect(await readFile(join(runDir, 'document.md'), 'utf8')).toBe(document);
      const manifest = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as {
        status: string;
      };
      expect(manifest.status).toBe('completed');
    },
  );
});
