import type { CliIo } from '../cli-io';

export interface CapturedIo extends CliIo {
  /** Everything written to stdout so far. */
  out: () => string;
  /** Everything written to stderr so far. */
  err: () => string;
}

/** A `CliIo` for in-process CLI tests: streams are captured, the environment is only `env`. */
export function captureIo({
  cwd = process.cwd(),
  env = {},
  signal = new AbortController().signal,
}: {
  cwd?: string;
  env?: Record<string, string>;
  signal?: AbortSignal;
} = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env,
    cwd,
    signal,
    out: () => out,
    err: () => err,
  };
}
