import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLongform, spawnLongform } from './helpers/longform-process';
import { type RunningSimServer, startSimServerProcess } from './helpers/sim-server';

const INSTRUCTIONS = [
  { prompt: 'Write a 600-word essay on the history of tide mills.' },
  { prompt: 'Write a 400-word note on kelp forests.', id: 'kelp' },
  // The same prompt under another id: the simulator writes the same text, dedup drops it.
  { prompt: 'Write a 400-word note on kelp forests.', id: 'kelp-copy' },
  { prompt: 'Write about lighthouse lenses.', id: 'no-length' },
  { prompt: '写一篇500字的短文，介绍中国的茶文化。', id: 'tea' },
  { prompt: 'Write an essay about diving bells.', id: 'bells', length: 700 },
];

const FILES = [
  'openai.jsonl',
  'sharegpt.jsonl',
  'alpaca.jsonl',
  'alpaca.json',
  'metadata.jsonl',
  'rejected.jsonl',
  'dataset_info.json',
  'README.md',
];

let server: RunningSimServer;
let dir: string;

beforeAll(async () => {
  // Paced streams, so a run can be killed while documents are still being written.
  server = await startSimServerProcess(['--seed', '11', '--tps', '2500']);
  dir = await mkdtemp(join(tmpdir(), 'longform-e2e-dataset-'));
  await writeFile(
    join(dir, 'in.jsonl'),
    `${INSTRUCTIONS.map(row => JSON.stringify(row)).join('\n')}\n`,
  );
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const args = (out: string, ...extra: string[]) => [
  '--model',
  'openai-compatible:sim:compliant',
  '--base-url',
  server.url,
  ...extra,
  'dataset',
  'agentwrite',
  '--instructions',
  'in.jsonl',
  '--out',
  out,
  '--concurrency',
  '2',
  '--system',
  'You write long, well-structured documents.',
];

const jsonl = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => JSON.parse(line) as Record<string, unknown>);

// The uninterrupted reference run, shared by the tests whatever order they run in.
let full: ReturnType<typeof runLongform> | undefined;
const fullRun = () => {
  full ??= runLongform(args('full', '--json'), { cwd: dir });
  return full;
};

const snapshot = async (out: string) =>
  Object.fromEntries(
    await Promise.all(FILES.map(async f => [f, await readFile(join(dir, out, f), 'utf8')])),
  );

describe('longform dataset agentwrite (built CLI, simulator server)', () => {
  it('exports OpenAI, ShareGPT, Alpaca and LLaMA-Factory files and a card with counts and a histogram', async () => {
    const result = await fullRun();
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.counts).toMatchObject({
      input: 6,
      generated: 5,
      kept: 4,
      dropped: 1,
      failed: 1,
      failedByReason: { 'no-target-length': 1 },
    });
    expect(summary.counts.droppedByReason[0].reason).toBe('exact-duplicate');
    expect(result.stderr).toMatch(/line 4 \(no-length\) failed \(no-target-length\)/);

    const out = join(dir, 'full');
    const openai = await jsonl(join(out, 'openai.jsonl'));
    expect(openai).toHaveLength(4);
    for (const row of openai) {
      const messages = row.messages as { role: string; content: string }[];
      expect(messages.map(m => m.role)).toEqual(['system', 'user', 'assistant']);
      expect(messages[2]!.content.length).toBeGreaterThan(400);
    }
    const sharegpt = await jsonl(join(out, 'sharegpt.jsonl'));
    expect(sharegpt).toHaveLength(4);
    expect((sharegpt[0]!.conversations as { from: string }[]).map(t => t.from)).toEqual([
      'system',
      'human',
      'gpt',
    ]);
    const alpaca = await jsonl(join(out, 'alpaca.jsonl'));
    expect(alpaca.map(r => r.instruction)).toEqual([
      INSTRUCTIONS[0]!.prompt,
      INSTRUCTIONS[1]!.prompt,
      INSTRUCTIONS[4]!.prompt,
      INSTRUCTIONS[5]!.prompt,
    ]);
    expect(JSON.parse(await readFile(join(out, 'alpaca.json'), 'utf8'))).toEqual(alpaca);
    const info = JSON.parse(await readFile(join(out, 'dataset_info.json'), 'utf8'));
    expect(info.agentwrite_sft_alpaca.file_name).toBe('alpaca.json');
    expect(info.agentwrite_sft_sharegpt.formatting).toBe('sharegpt');
    expect(info.agentwrite_sft_openai.file_name).toBe('openai.jsonl');
    const metadata = await jsonl(join(out, 'metadata.jsonl'));
    const tea = metadata.find(m => m.id === 'tea')!.metadata as Record<string, unknown>;
    expect(tea).toMatchObject({ requiredLength: 500, unit: '字', method: 'agentwrite' });
    expect(tea.lengthScore as number).toBeGreaterThanOrEqual(80);

    const card = await readFile(join(out, 'README.md'), 'utf8');
    expect(card).toMatch(/\| input instructions \| 6 \|/);
    expect(card).toMatch(/\*\*kept\*\* \| \*\*4\*\*/);
    expect(card).toMatch(/### Length histogram \(longwriter\)/);
    expect(card).toMatch(/\| 500–999 \| \d+ \|/);
    expect(card).toMatch(/no-target-length/);
  });

  it('a run killed after its first exported sample, re-run, yields the files of the uninterrupted run', async () => {
    const child = spawnLongform(args('killed'), { cwd: dir });
    let stderr = '';
    const exit = new Promise<NodeJS.Signals | null>(resolve =>
      child.on('close', (_code, signal) => resolve(signal)),
    );
    child.stderr?.setEncoding('utf8').on('data', chunk => {
      stderr += chunk;
      if (/^\[1\/6\]/m.test(stderr)) child.kill('SIGKILL');
    });
    expect(await exit).toBe('SIGKILL');
    // Killed mid-run: the journal holds the first sample, the exports were never built.
    const journal = await jsonl(join(dir, 'killed', '.longform', 'dataset-journal.jsonl'));
    expect(journal.length).toBeGreaterThanOrEqual(1);
    expect(journal.length).toBeLessThan(6);
    await expect(stat(join(dir, 'killed', 'openai.jsonl'))).rejects.toThrow();

    const resumed = await runLongform(args('killed'), { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/already in the dataset/);
    expect(resumed.stderr).toMatch(/\(resumed\)/);
    expect((await fullRun()).code).toBe(0);
    expect(await snapshot('killed')).toEqual(await snapshot('full'));
  });

  it('rejects a bad instruction file before any work, naming the line', async () => {
    await writeFile(join(dir, 'bad.jsonl'), '{"prompt": "Write 300 words."}\n{"prompt": }\n');
    const result = await runLongform(
      [
        '--model',
        'openai-compatible:sim:compliant',
        '--base-url',
        server.url,
        'dataset',
        'agentwrite',
        '-i',
        'bad.jsonl',
        '-o',
        'bad',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*bad\.jsonl, line 2: not valid JSON/m);
    await expect(stat(join(dir, 'bad', '.longform', 'run'))).rejects.toThrow();
  });
});
