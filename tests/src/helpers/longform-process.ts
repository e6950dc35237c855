import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * The built CLI. `LONGFORM_E2E_CLI` points the suite at another build (a copy taken while the tree is
 * being rebuilt, or an installed package) without changing any test.
 */
export const cliBin =
  process.env.LONGFORM_E2E_CLI ??
  fileURLToPath(new URL('../../../apps/cli/dist/bin.mjs', import.meta.url));

export interface LongformResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment for a child CLI: no inherited model configuration or keys, so tests never reach a real API. */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(OPENAI|LONGFORM|ANTHROPIC)_/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Spawns the built `longform` binary with the same Node that runs the tests (the pinned Node 24). */
export function spawnLongform(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): ChildProcess {
  return spawn(process.execPath, [cliBin, ...args], {
    cwd: options.cwd,
    env: options.env ?? isolatedEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runLongform(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<LongformResult> {
  return new Promise((resolve, reject) => {
    const child = spawnLongform(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', chunk => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', chunk => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`longform ${args.join(' ')} timed out\nstderr:\n${stderr}`));
    }, options.timeoutMs ?? 110_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
