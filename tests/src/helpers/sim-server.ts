import type { ChildProcess } from 'node:child_process';
import { spawnLongform } from './longform-process';

/** What `longform sim serve` prints to stderr when it stops: the server's lifetime counters. */
export interface SimServerStats {
  requests: number;
  completed: number;
  faults: {
    '429': number;
    '500': number;
    hang: number;
    truncate: number;
    malformed: number;
    total: number;
  };
  tokensIn: number;
  tokensOut: number;
}

export interface RunningSimServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Stops the server and returns the counters it prints on the way out (requests, faults injected). */
  stopWithStats(): Promise<SimServerStats>;
}

function parseStats(stderr: string): SimServerStats {
  const match = /simulator stopped \((\{.*\})\)/.exec(stderr);
  if (!match?.[1])
    throw new Error(`the sim server printed no stats when it stopped\nstderr:\n${stderr}`);
  return JSON.parse(match[1]) as SimServerStats;
}

/** Starts `longform sim serve --port 0 --json` and waits for the URL it prints. */
export function startSimServerProcess(extraArgs: string[] = []): Promise<RunningSimServer> {
  return new Promise((resolve, reject) => {
    const child = spawnLongform(['--json', 'sim', 'serve', '--port', '0', ...extraArgs]);
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sim server did not start\nstderr:\n${stderr}`));
    }, 30_000);
    child.stderr?.setEncoding('utf8').on('data', chunk => {
      stderr += chunk;
    });
    child.stdout?.setEncoding('utf8').on('data', chunk => {
      stdout += chunk;
      const match = /"url":\s*"([^"]+)"/.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      const stop = () =>
        new Promise<void>(done => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('close', () => done());
          child.kill('SIGTERM');
        });
      resolve({
        url,
        process: child,
        stop,
        stopWithStats: async () => {
          await stop();
          return parseStats(stderr);
        },
      });
    });
    child.on('close', code => {
      clearTimeout(timer);
      reject(new Error(`sim server exited with ${code}\nstderr:\n${stderr}`));
    });
  });
}
