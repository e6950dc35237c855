import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { Journal } from './journal';
import type { JournalEntry } from './journal-entry';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'longform-journal-'));
  file = join(dir, 'journal.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function all(journal: Journal): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  for await (const entry of journal.entries()) entries.push(entry);
  return entries;
}

const usage = { inputTokens: 10, outputTokens: 20, totalTokens: 30 };

describe('Journal', () => {
  it('appends entries and reads them back after reopening', async () => {
    const journal = await Journal.open(file);
    await journal.append({ key: 'a', stage: 'plan', data: { text: 'plan' }, usage, model: 'sim' });
    await journal.append({ key: 'b', stage: 'write', step: 1, data: 'section one' });
    expect(journal.has('a')).toBe(true);
    expect((await journal.get('b'))?.data).toBe('section one');
    await journal.close();

    const reopened = await Journal.open(file);
    expect(reopened.count).toBe(2);
    expect(reopened.has('a') && reopened.has('b') && !reopened.has('c')).toBe(true);
    expect(await reopened.get('a')).toMatchObject({ stage: 'plan', data: { text: 'plan' }, usage });
    expect(await reopened.get('c')).toBeUndefined();
    expect((await all(reopened)).map(entry => entry.key)).toEqual(['a', 'b']);
    expect(reopened.usage.run).toMatchObject({ calls: 1, inputTokens: 10, outputTokens: 20 });
    expect(reopened.usage.stage('plan').costUsd).toBe(0);
    await reopened.close();
  });

  it('keeps the newest entry of a repeated key', async () => {
    const journal = await Journal.open(file);
    await journal.append({ key: 'a', stage: 's', data: 1 });
    await journal.append({ key: 'b', stage: 's', data: 2 });
    await journal.append({ key: 'a', stage: 's', data: 3 });
    expect((await journal.get('a'))?.data).toBe(3);
    expect((await all(journal)).map(entry => entry.data)).toEqual([2, 3]);
    await journal.close();
    const reopened = await Journal.open(file);
    expect((await reopened.get('a'))?.data).toBe(3);
    expect(reopened.count).toBe(2);
    await reopened.close();
  });

  it('serialises concurrent appends into whole lines', async () => {
    const journal = await Journal.open(file);
    const text = 'ü'.repeat(5000);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        journal.append({ key: `k${i}`, stage: 's', data: text }),
      ),
    );
    await journal.close();
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(200);
    for (const line of lines) expect(JSON.parse(line).data).toBe(text);
    const reopened = await Journal.open(file);
    expect((await reopened.get('k199'))?.data).toBe(text);
    await reopened.close();
  });

  it('cuts a torn last line off before appending', async () => {
    const journal = await Journal.open(file);
    await journal.append({ key: 'a', stage: 's', data: 'ok' });
    await journal.close();
    await writeFile(file, '{"key":"b","stage":"s","data":"half', { flag: 'a' });

    const reopened = await Journal.open(file);
    expect(reopened.count).toBe(1);
    expect(reopened.has('b')).toBe(false);
    await reopened.append({ key: 'b', stage: 's', data: 'whole' });
    await reopened.close();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map(line => JSON.parse(line).data)).toEqual(['ok', 'whole']);
  });

  it('keeps a complete last entry that only lost its newline', async () => {
    await writeFile(file, '{"key":"a","stage":"s","data":1,"createdAt":"2026-01-01T00:00:00Z"}');
    const journal = await Journal.open(file);
    expect((await journal.get('a'))?.data).toBe(1);
    await journal.append({ key: 'b', stage: 's', data: 2 });
    expect((await journal.get('b'))?.data).toBe(2);
    await journal.close();
    const reopened = await Journal.open(file);
    expect((await all(reopened)).map(entry => entry.data)).toEqual([1, 2]);
    await reopened.close();
  });

  it('refuses a corrupt line in the middle, naming file and line', async () => {
    await writeFile(
      file,
      '{"key":"a","stage":"s","data":1,"createdAt":"x"}\nnot json\n{"key":"b","stage":"s","data":2,"createdAt":"x"}\n',
    );
    const error = await Journal.open(file).catch(e => e);
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(error.message).toContain(`${file}, line 2`);
    await writeFile(file, '{"key":"a","data":1,"createdAt":"x"}\n');
    await expect(Journal.open(file)).rejects.toThrow('line 1, field "stage"');
  });

  it('rejects entries that cannot be stored', async () => {
    const journal = await Journal.open(file);
    await expect(journal.append({ key: '', stage: 's', data: 1 })).rejects.toThrow('field "key"');
    await expect(journal.append({ key: 'a', stage: 's', data: { n: 1n } })).rejects.toThrow(
      'not JSON-serialisable',
    );
    await journal.close();
    await expect(journal.append({ key: 'b', stage: 's', data: 1 })).rejects.toThrow('closed');
  });

  it('opens a 100k-entry journal keeping only an index in memory', async () => {
    // ~45 MB of response text; opening must not retain it.
    const text = 'lorem ipsum dolor sit amet '.repeat(12);
    const usage = '{"inputTokens":100,"outputTokens":150,"totalTokens":250}';
    const handle = await open(file, 'w');
    for (let start = 0; start < 100_000; start += 10_000) {
      let chunk = '';
      for (let i = start; i < start + 10_000; i++) {
        chunk += `{"key":"${`${i}`.padStart(64, '0')}","stage":"write","step":${i},"data":{"text":"${i} ${text}"},"usage":${usage},"model":"sim","createdAt":"2026-01-01T00:00:00.000Z"}\n`;
      }
      await handle.write(chunk);
    }
    await handle.close();
    const fileSize = (await stat(file)).size;

    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const journal = await Journal.open(file);
    const openMs = performance.now() - started;
    gc();
    const retained = process.memoryUsage().heapUsed - before;

    expect(journal.count).toBe(100_000);
    expect((await journal.get(`${77_777}`.padStart(64, '0')))?.step).toBe(77_777);
    expect(journal.usage.run.outputTokens).toBe(15_000_000);
    // Index only (~12 MB for 100k 64-char keys), against a ~50 MB file.
    expect(retained).toBeLessThan(Math.min(25 * 2 ** 20, fileSize / 2));
    console.log(
      `100k-entry journal: file ${(fileSize / 2 ** 20).toFixed(1)} MB, opened in ${openMs.toFixed(0)} ms, retained heap ${(retained / 2 ** 20).toFixed(1)} MB`,
    );
    await journal.close();
  });
});

describe('Journal.get under concurrency', () => {
  it('opens one reader for many concurrent lookups', async () => {
    const { readdir } = await import('node:fs/promises');
    const openFds = async () => (await readdir('/proc/self/fd')).length;
    const concurrentDir = await mkdtemp(join(tmpdir(), 'journal-get-'));
    const journal = await Journal.open(join(concurrentDir, 'journal.jsonl'));
    for (let i = 0; i < 200; i++) await journal.append({ key: `k${i}`, stage: 's', data: { i } });
    const before = await openFds();
    const entries = await Promise.all(Array.from({ length: 200 }, (_, i) => journal.get(`k${i}`)));
    const after = await openFds();
    expect(entries.map(entry => (entry!.data as { i: number }).i)).toEqual(
      Array.from({ length: 200 }, (_, i) => i),
    );
    expect(after - before).toBeLessThanOrEqual(1);
    await journal.close();
    await rm(concurrentDir, { recursive: true, force: true });
  });
});
