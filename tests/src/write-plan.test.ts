import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { countWordsLongWriter } from '@longform/core';
import { scoreLength } from '@longform/eval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLongform } from './helpers/longform-process';
import { findPromptLeftovers, headingProblems, listHeadings } from './helpers/markdown-checks';
import { type RunningSimServer, startSimServerProcess } from './helpers/sim-server';
import { makeTempDir } from './helpers/temp-dir';
import { writeArgs } from './helpers/write-command';
import { readWriteReport, reportProblems } from './helpers/write-report';

const PLAN_LINE =
  /^Paragraph (\d+) - (?:Title: (.*?) - )?Main Point: (.*) - Word Count: (\d+) words$/;

interface PlanLine {
  title?: string;
  mainPoint: string;
  words: number;
}

function formatPlanLine(line: PlanLine, index: number): string {
  const title = line.title ? `Title: ${line.title} - ` : '';
  return `Paragraph ${index + 1} - ${title}Main Point: ${line.mainPoint} - Word Count: ${line.words} words`;
}

/** Splits a plan file into everything before its section lines and the section lines themselves. */
function splitPlanFile(text: string): { head: string; sections: PlanLine[] } {
  const marker = '\n# Sections\n';
  const at = text.indexOf(marker);
  if (at < 0) throw new Error('the plan file has no "# Sections" heading');
  const head = text.slice(0, at + marker.length);
  const sections = text
    .slice(at + marker.length)
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => {
      const match = PLAN_LINE.exec(line);
      if (!match) throw new Error(`not a plan line: ${line}`);
      return { title: match[2], mainPoint: match[3]!, words: Number(match[4]) };
    });
  return { head, sections };
}

// AgentWrite issue, acceptance criterion 4.
describe('longform write: the length, and plans a person edits', () => {
  let server: RunningSimServer;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    tmp = await makeTempDir('write-plan');
    server = await startSimServerProcess(['--seed', '21']);
  });

  afterAll(async () => {
    await server?.stop();
    await tmp?.remove();
  });

  it('without a length in the instruction or --words, fails clearly before calling the model', async () => {
    // Its own server, so its request counter shows whether anything reached the model.
    const quiet = await startSimServerProcess(['--seed', '1']);
    const out = join(tmp.path, 'no-length', 'doc.md');
    const runDir = join(tmp.path, 'no-length', 'run');
    let result: Awaited<ReturnType<typeof runLongform>>;
    try {
      result = await runLongform(
        writeArgs({
          url: quiet.url,
          profile: 'compliant',
          instruction: 'Write a history of lighthouses.',
          out,
          runDir,
        }),
      );
    } finally {
      const stats = await quiet.stopWithStats();
      expect(stats.requests).toBe(0);
    }
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*no target length.*"Write a history of lighthouses\."/m,
    );
    expect(result.stderr).toContain('--words');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(runDir)).toBe(false);

    // The same instruction with --words is fine.
    const withWords = await runLongform(
      writeArgs({
        url: server.url,
        profile: 'compliant',
        instruction: 'Write a history of lighthouses.',
        out,
        runDir,
        extra: ['--words', '1200'],
      }),
    );
    expect(withWords.code, withWords.stderr).toBe(0);
    expect(scoreLength(1200, countWordsLongWriter(await readFile(out, 'utf8')))).toBeGreaterThan(
      97,
    );
  });

  it('without an instruction or a plan, says what to give', async () => {
    const result = await runLongform(
      writeArgs({
        url: server.url,
        profile: 'compliant',
        out: join(tmp.path, 'nothing', 'doc.md'),
        runDir: join(tmp.path, 'nothing', 'run'),
      }),
    );
    // A usage error (exit 2, as for an unknown option), printed, not swallowed.
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: give an instruction, or a plan file with --plan$/m);
  });

  it('plan, edit the plan file, then write --plan follows the edited plan', async () => {
    const instruction = 'Write a 3000-word guide to keeping bees in a small city garden.';
    const planPath = join(tmp.path, 'edited', 'plan.md');
    const planned = await runLongform([
      '--model',
      'openai-compatible:sim:compliant',
      '--base-url',
      server.url,
      'plan',
      instruction,
      '--out',
      planPath,
    ]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain(`wrote ${planPath}`);

    const { head, sections } = splitPlanFile(await readFile(planPath, 'utf8'));
    expect(sections.length).toBeGreaterThanOrEqual(3);
    expect(sections.reduce((n, s) => n + s.words, 0)).toBe(3000);

    // What a person would do: retitle the opening, drop the last section, resize one, add a new
    // closing section, and state the new total.
    const edited: PlanLine[] = sections.slice(0, -1).map(s => ({ ...s }));
    edited[0]!.title = 'Why Bees Belong In City Gardens';
    edited[1]!.words = 650;
    edited.push({
      title: 'A Calendar For The First Year',
      mainPoint: 'What the beekeeper does in each season of the first year',
      words: 400,
    });
    const total = edited.reduce((n, s) => n + s.words, 0);
    const newHead = head.replace(/\n# Target\n\n\d+ words\n/, `\n# Target\n\n${total} words\n`);
    expect(newHead, 'the plan file has a "# Target" block').not.toBe(head);
    await writeFile(planPath, `${newHead}\n${edited.map(formatPlanLine).join('\n\n')}\n`);

    const out = join(tmp.path, 'edited', 'doc.md');
    const runDir = join(tmp.path, 'edited', 'run');
    const written = await runLongform(
      writeArgs({ url: server.url, profile: 'under', out, runDir, extra: ['--plan', planPath] }),
    );
    expect(written.code, written.stderr).toBe(0);

    const document = await readFile(out, 'utf8');
    const report = await readWriteReport(runDir);
    expect(report.instruction).toBe(instruction);
    expect(report.targetWords).toBe(total);
    expect(report.sections.map(s => s.title)).toEqual(edited.map(s => s.title));
    expect(report.sections.map(s => s.plannedWords)).toEqual(edited.map(s => s.words));
    expect(reportProblems(report, document, { targetWords: total })).toEqual([]);
    expect(scoreLength(total, countWordsLongWriter(document))).toBeGreaterThanOrEqual(97);

    const sectionHeadings = listHeadings(document).filter(h => h.level === 2);
    expect(sectionHeadings.map(h => h.text)).toEqual(edited.map(s => s.title));
    expect(headingProblems(document)).toEqual([]);
    expect(findPromptLeftovers(document)).toEqual([]);
  });

  it('an edit that breaks a plan line is reported with the file and line', async () => {
    const planPath = join(tmp.path, 'broken', 'plan.md');
    const planned = await runLongform([
      '--model',
      'openai-compatible:sim:compliant',
      '--base-url',
      server.url,
      'plan',
      'Write a 2000-word guide to sharpening kitchen knives.',
      '--out',
      planPath,
    ]);
    expect(planned.code, planned.stderr).toBe(0);
    const lines = (await readFile(planPath, 'utf8')).split('\n');
    const second = lines.findIndex(line => line.startsWith('Paragraph 2 '));
    expect(second).toBeGreaterThan(0);
    lines[second] = 'Paragraph 2 - a section about whetstones, about 500 words';
    await writeFile(planPath, lines.join('\n'));

    const result = await runLongform(
      writeArgs({
        url: server.url,
        profile: 'compliant',
        out: join(tmp.path, 'broken', 'doc.md'),
        runDir: join(tmp.path, 'broken', 'run'),
        extra: ['--plan', planPath],
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .+/m);
    expect(result.stderr).toContain(`${planPath}, line ${second + 1}`);
    expect(existsSync(join(tmp.path, 'broken', 'doc.md'))).toBe(false);
  });
});
