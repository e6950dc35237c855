import { startSimServer } from '@longform/sim';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CliContext } from '../cli-context';

const profiles = ['compliant', 'under', 'over', 'capped', 'noisy'] as const;

function number(name: string, { min = 0, max = Number.POSITIVE_INFINITY } = {}) {
  return (value: string) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`${name} must be a number in [${min}, ${max}]`);
    }
    return parsed;
  };
}

const rate = (name: string) => number(name, { min: 0, max: 1 });

export function registerSimCommand(program: Command, context: CliContext): void {
  const sim = program.command('sim').description('the built-in LLM simulator');
  sim
    .command('serve')
    .description('serve the simulator as an OpenAI-compatible API on 127.0.0.1 (Ctrl-C to stop)')
    .option('-p, --port <port>', 'port (0 picks a free one)', number('port', { max: 65535 }), 8787)
    .option('--seed <n>', 'seed: the same seed and request give the same answer', number('seed'), 0)
    .addOption(
      new Option('--profile <name>', 'length behaviour for model "sim"')
        .choices(profiles)
        .default('compliant'),
    )
    .option('--ttft-ms <ms>', 'time to first token', number('ttft-ms'), 0)
    .option('--tps <n>', 'tokens per second per stream (0 = as fast as possible)', number('tps'), 0)
    .option(
      '--max-concurrent <n>',
      'capacity: concurrent generations, the rest queue',
      number('max-concurrent', { min: 1 }),
    )
    .option(
      '--fault-429 <rate>',
      'share of requests answered 429 with retry-after',
      rate('fault-429'),
      0,
    )
    .option(
      '--retry-after <s>',
      'retry-after seconds sent with injected 429s',
      number('retry-after'),
      1,
    )
    .option('--fault-500 <rate>', 'share of requests answered 500', rate('fault-500'), 0)
    .option('--fault-hang <rate>', 'share of requests that never answer', rate('fault-hang'), 0)
    .option(
      '--fault-truncate <rate>',
      'share of streams cut before they finish',
      rate('fault-truncate'),
      0,
    )
    .option(
      '--fault-malformed <rate>',
      'share of responses with an invalid JSON body',
      rate('fault-malformed'),
      0,
    )
    .action(async (options: SimServeOptions, command: Command) => {
      const globals = context.globals(command);
      const server = await startSimServer({
        port: options.port,
        seed: options.seed,
        profile: options.profile,
        latency:
          options.ttftMs > 0 || options.tps > 0
            ? { timeToFirstTokenMs: options.ttftMs, tokensPerSecond: options.tps }
            : undefined,
        capacity: options.maxConcurrent
          ? { maxConcurrentStreams: options.maxConcurrent }
          : undefined,
        faults: {
          rate429: options.fault429,
          retryAfterSeconds: options.retryAfter,
          rate500: options.fault500,
          rateHang: options.faultHang,
          rateTruncate: options.faultTruncate,
          rateMalformed: options.faultMalformed,
        },
      });
      context.result(
        globals,
        { url: server.url, port: server.port },
        () => `simulator listening on ${server.url}`,
      );
      if (!globals.json) {
        context.info(
          `try: longform --model openai-compatible:sim:${options.profile} --base-url ${server.url} models`,
        );
      }
      await new Promise<void>(resolve => {
        if (context.io.signal.aborted) resolve();
        context.io.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      await server.close();
      context.info(`simulator stopped (${JSON.stringify(server.stats())})`);
    });
}

interface SimServeOptions {
  port: number;
  seed: number;
  profile: (typeof profiles)[number];
  ttftMs: number;
  tps: number;
  maxConcurrent?: number;
  fault429: number;
  retryAfter: number;
  fault500: number;
  faultHang: number;
  faultTruncate: number;
  faultMalformed: number;
}
