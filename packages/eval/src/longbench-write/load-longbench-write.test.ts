import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateLongBenchWrite } from './aggregate-longbench-write';
import { detectLongBenchWriteLanguage, loadLongBenchWrite } from './load-longbench-write';

const DATA = '/work/shared/datasets/longbench-write';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lbw-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const counts = (items: Array<{ length: number }>) => {
  const r = aggregateLongBenchWrite(items.map(i => ({ length: i.length, response: 'x' })));
  return Object.values(r.byBucket).map(g => g!.n);
};

describe('loadLongBenchWrite', () => {
  it('loads the 120 rows with the official EN/ZH split from the sibling EN file', async () => {
    const items = await loadLongBenchWrite(join(DATA, 'longbench_write.jsonl'));
    expect(items).toHaveLength(120);
    expect(items[0]).toMatchObject({
      line: 1,
      length: 100,
      type: 'Community Forum',
      language: 'en',
    });
    const en = items.filter(i => i.language === 'en');
    const zh = items.filter(i => i.language === 'zh');
    expect(en).toHaveLength(60);
    expect(counts(items)).toEqual([26, 36, 31, 27]);
    expect(counts(en)).toEqual([17, 20, 11, 12]);
    expect(counts(zh)).toEqual([9, 16, 20, 15]);
    // The Chinese prompt asking for an English article is in the EN split.
    expect(en.some(i => i.prompt.startsWith('帮我用英文写一篇关于郭沫若生平的文章'))).toBe(true);
  });

  it('treats a *_en.jsonl file as English', async () => {
    const items = await loadLongBenchWrite(join(DATA, 'longbench_write_en.jsonl'));
    expect(items).toHaveLength(60);
    expect(items.every(i => i.language === 'en')).toBe(true);
  });

  it('detects the language by script when no EN split is next to the file', async () => {
    const file = join(dir, 'lbw.jsonl');
    await copyFile(join(DATA, 'longbench_write.jsonl'), file);
    const items = await loadLongBenchWrite(file);
    // Script detection cannot see the output language: it swaps exactly the two prompts whose
    // requested output language differs from their script.
    const official = await loadLongBenchWrite(join(DATA, 'longbench_write.jsonl'));
    const swapped = items.filter((item, i) => item.language !== official[i]!.language);
    expect(swapped.map(i => i.prompt.slice(0, 12))).toEqual([
      '请以“fall in l',
      '帮我用英文写一篇关于郭沫',
    ]);
    expect(detectLongBenchWriteLanguage('写一篇300字的文章')).toBe('zh');
    expect(detectLongBenchWriteLanguage('Write a 300-word essay')).toBe('en');
  });

  it('honours an explicit language', async () => {
    const items = await loadLongBenchWrite(join(DATA, 'longbench_write.jsonl'), { language: 'zh' });
    expect(items.every(i => i.language === 'zh')).toBe(true);
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const file = join(dir, 'bom.jsonl');
    await writeFile(file, '\uFEFF{"prompt": "Write 100 words.", "type": "t", "length": 100}\n');
    expect(await loadLongBenchWrite(file)).toMatchObject([
      { line: 1, length: 100, language: 'en' },
    ]);
  });

  it.each([
    [
      '{"prompt": "a", "type": "t", "length": 1.5}',
      /bad\.jsonl, line 2, field "length": must be an integer/,
    ],
    ['{"prompt": "a", "type": "t"}', /line 2, field "length"/],
    [
      '{"prompt": "", "type": "t", "length": 5}',
      /line 2, field "prompt": must be a non-empty string/,
    ],
    ['{"prompt": "a", "type": "t", "length": 0}', /line 2, field "length": must be > 0/],
    ['{"prompt": "a", ', /line 2: not valid JSON/],
  ])('names the file, line and field of a bad row: %s', async (row, message) => {
    const file = join(dir, 'bad.jsonl');
    await writeFile(file, `{"prompt": "ok", "type": "t", "length": 5}\n${row}\n`);
    await expect(loadLongBenchWrite(file)).rejects.toThrow(message);
  });
});
