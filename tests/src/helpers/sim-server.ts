import type { ChildProcess } from 'node:child_process';
import { spawnLongform } from './longform-process';

export interface RunningSimServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
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
      resolve({
        url,
        process: child,
        stop: () =>
          new Promise<void>(done => {
            if (child.exitCode !== null) return done();
            child.once('close', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('close', code => {
      clearTimeout(timer);
      reject(new Error(`sim server exited with ${code}\nstderr:\n${stderr}`));
    });
  });
}
