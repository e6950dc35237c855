import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSample } from '../testing/make-sample';
import { cutTornTail, openJournalAppender, readJournal } from './dataset-journal';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sampleLine = (id: string) =>
  `${JSON.stringify({ v: 1, type: 'sample', config: 'c', sample: makeSample(id), verdicts: [] })}\n`;

describe('dataset journal', () => {
  it('group-commits concurrent appends in call order', async () => {
    const file = join(dir, 'j.jsonl');
    const appender = await openJournalAppender(file);
    await Promise.all(Array.from({ length: 50 }, (_, i) => appender.append(sampleLine(`s${i}`))));
    await appender.close();
    const ids = [];
    for await (const entry of readJournal(file))
      if (entry.type === 'sample') ids.push(entry.sample.id);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => `s${i}`));
  });

  it('skips and reports a torn last line, which can then be cut off', async () => {
    const file = join(dir, 'j.jsonl');
    const good =
      sampleLine('a') +
      JSON.stringify({ v: 1, type: 'failure', id: 'b', reason: 'timeout' }) +
      '\n';
    await writeFile(file, `${good}{"v":1,"type":"sam`);
    let torn: number | undefined;
    const entries = [];
    for await (const entry of readJournal(file, { onTorn: end => (torn = end) }))
      entries.push(entry.type);
    expect(entries).toEqual(['sample', 'failure']);
    expect(torn).toBe(Buffer.byteLength(good));
    await cutTornTail(file, torn!);
    expect(await readFile(file, 'utf8')).toBe(good);
  });

  it('reads nothing from a missing journal and rejects foreign records', async () => {
    for await (const _ of readJournal(join(dir, 'none.jsonl'))) throw new Error('unexpected entry');
    const file = join(dir, 'j.jsonl');
    await writeFile(file, `${sampleLine('a')}{"v":2,"type":"sample"}\n`);
    await expect(async () => {
      for await (const _ of readJournal(file));
    }).rejects.toThrow(/j\.jsonl, line 2: not a journal record/);
    await writeFile(
      file,
      `${JSON.stringify({ v: 1, type: 'sample', config: 'c', sample: { id: 'x' }, verdicts: [] })}\n`,
    );
    await expect(async () => {
      for await (const _ of readJournal(file));
    }).rejects.toThrow(/line 1: bad sample/);
  });
});
