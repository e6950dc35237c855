import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@longform/core';
import { afterAll, describe, expect, it } from 'vitest';
import { formatPlanFile, parsePlanFile, readPlanFile, writePlanFile } from './plan-file';
import type { PlanFile } from './plan-schema';

const planFile: PlanFile = {
  version: 1,
  instruction: 'Write a 1000-word essay.\n~~~ tricky fence inside ~~~\n# not a heading',
  targetWords: 1000,
  unit: 'words',
  sections: [
    { title: 'Opening', mainPoint: 'Why it matters', targetWords: 400 },
    { mainPoint: 'The state-of-the-art methods', targetWords: 600 },
  ],
};

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })));
});

describe('plan files', () => {
  it.each(['markdown', 'json'] as const)('round-trips the %s form', format => {
    const text = formatPlanFile(planFile, format);
    expect(parsePlanFile(text, format === 'json' ? 'plan.json' : 'plan.md', format)).toEqual(
      planFile,
    );
  });

  it('writes atomically and reads back by extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aw-plan-'));
    dirs.push(dir);
    await writePlanFile(join(dir, 'plan.md'), planFile);
    await writePlanFile(join(dir, 'plan.json'), planFile);
    expect((await readdir(dir)).sort()).toEqual(['plan.json', 'plan.md']);
    expect(await readPlanFile(join(dir, 'plan.md'))).toEqual(planFile);
    expect(JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8'))).toEqual(planFile);
  });

  it('accepts a hand-edited Markdown plan with Chinese units and no target part', () => {
    const text =
      '# Instruction\n\n~~~\n写一篇文章\n~~~\n\n# Sections\n\n第1段 - Main Point: 开头 - Word Count: 300字\n';
    expect(parsePlanFile(text, 'p.md')).toMatchObject({ targetWords: 300, unit: 'words' });
  });

  it('names the file and line of a bad section line', () => {
    const text = formatPlanFile(planFile, 'markdown').replace(
      'Paragraph 2 - Main Point',
      'Paragraph 2 Main Point',
    );
    const error = (() => {
      try {
        parsePlanFile(text, 'my-plan.md');
      } catch (e) {
        return e;
      }
    })();
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^my-plan\.md, line 18: not a section line/);
  });

  it('names the field of a bad JSON plan', () => {
    const bad = JSON.stringify({ ...planFile, sections: [{ mainPoint: 'x', targetWords: -5 }] });
    expect(() => parsePlanFile(bad, 'p.json')).toThrow(/p\.json, field "sections\.0\.targetWords"/);
    expect(() => parsePlanFile('{', 'p.json')).toThrow(/p\.json: not valid JSON/);
  });

  it('reports a missing file clearly', async () => {
    await expect(readPlanFile('/nonexistent/plan.md')).rejects.toThrow(
      /\/nonexistent\/plan\.md: cannot read/,
    );
  });
});
