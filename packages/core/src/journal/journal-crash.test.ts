import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRun, type Run } from './open-run';
import { stepKey } from './step-key';

const STEPS = 3000;
const KILL_AFTER = 400;

// The child runs the TypeScript sources directly (Node 24 strips types); this hook only adds the
// `.ts` / `/index.ts` the extensionless source imports leave out.
const CHILD = `
import { registerHooks } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && context.parentURL?.endsWith('.ts')) {
      const path = fileURLToPath(new URL(specifier, context.parentURL));
      for (const candidate of [path, path + '.ts', path + '/index.ts']) {
        if (existsSync(candidate) && statSync(candidate).isFile()) {
          return next(pathToFileURL(candidate).href, context);
        }
      }
    }
    return next(specifier, context);
  },
});
const { openRun } = await import(process.argv[2]);
const { stepKey } = await import(process.argv[3]);
const run = await openRun({ dir: process.argv[4], command: 'crash-test', config: { steps: ${STEPS} } });
for (let i = 0; i < ${STEPS}; i++) {
  const key = stepKey({ stage: 'write', step: i });
  if (run.journal.has(key)) continue;
  await run.journal.append({ key, stage: 'write', step: i, data: { text: 'section ' + i + ' '.repeat(i % 97) } });
  process.stdout.write(i + '\\n');
}
await run.close();
`;

/** The same workload, in process: skip finished steps, do the rest. */
async function work(run: Run): Promise<number> {
  let done = 0;
  for (let i = 0; i < STEPS; i++) {
    const key = stepKey({ stage: 'write', step: i });
    if (run.journal.has(key)) continue;
    await run.journal.append({
      key,
      stage: 'write',
      step: i,
      data: { text: `section ${i}${' '.repeat(i % 97)}` },
    });
    done += 1;
  }
  return done;
}

async function snapshot(run: Run) {
  const entries = new Map<string, unknown>();
  for await (const entry of run.journal.entries()) entries.set(entry.key, [entry.step, entry.data]);
  return entries;
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'longform-crash-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a run killed with SIGKILL', () => {
  it('resumes where it stopped and ends with the same entries as an uninterrupted run', async () => {
    const script = join(root, 'child.mjs');
    await writeFile(script, CHILD);
    const dir = join(root, 'killed');
    const child = spawn(
      process.execPath,
      [
        script,
        fileURLToPath(new URL('./open-run.ts', import.meta.url)),
        fileURLToPath(new URL('./step-key.ts', import.meta.url)),
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    let lines = 0;
    const exit = new Promise<NodeJS.Signals | number | null>(resolve => {
      child.on('exit', (code, signal) => resolve(signal ?? code));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 0x0a) lines += 1;
      if (lines >= KILL_AFTER && child.exitCode === null) child.kill('SIGKILL');
    });
    const ended = await exit;
    expect(stderr).toBe('');
    expect(ended).toBe('SIGKILL');

    const resumed = await openRun({ dir, command: 'crash-test', config: { steps: STEPS } });
    const before = resumed.journal.count;
    expect(before).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(before).toBeLessThan(STEPS);
    expect(await work(resumed)).toBe(STEPS - before);
    const killed = await snapshot(resumed);
    await resumed.close();

    // Every step appears exactly once: nothing finished before the kill was redone.
    const lineCount = (await readFile(join(dir, 'journal.jsonl'), 'utf8')).trimEnd().split('\n');
    expect(lineCount).toHaveLength(STEPS);

    const clean = await openRun({ dir: join(root, 'clean'), command: 'crash-test', config: {} });
    await work(clean);
    const expected = await snapshot(clean);
    await clean.close();
    expect(killed).toEqual(expected);
  });
});
