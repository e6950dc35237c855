import type { ChildProcess } from 'node:child_process';
import { type LongformResult, spawnLongform } from './longform-process';

export interface LongformChild {
  child: ChildProcess;
  /** Settles when the process has exited and its output is complete. */
  result: Promise<LongformResult>;
  /** True once the process has exited. */
  exited(): boolean;
}

/** Spawns the built CLI and collects its output, for tests that act on the process while it runs. */
export function startLongform(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): LongformChild {
  const child = spawnLongform(args, options);
  let stdout = '';
  let stderr = '';
  let done = false;
  child.stdout?.setEncoding('utf8').on('data', chunk => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', chunk => {
    stderr += chunk;
  });
  const result = new Promise<LongformResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => {
      done = true;
    });
    child.on('close', (code, signal) => {
      done = true;
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, result, exited: () => done };
}
