/**
 * Simulator server throughput: how many chat completions (streaming and not) and output tokens per
 * second the OpenAI-compatible server sustains at several client concurrencies, with latency off, beside
 * the in-process provider. Figures only; nothing here asserts a threshold.
 */
import { createSim, startSimServer } from '@longform/sim';
import { generateText } from 'ai';

const requestsPerRun = Number(process.env.BENCH_REQUESTS ?? 200);
const wordsPerResponse = 300;
const prompt = `Write a ${wordsPerResponse}-word note about the history of bridges.`;

interface Figures {
  label: string;
  requests: number;
  seconds: number;
  outputTokens: number;
}

async function runHttp(url: string, concurrency: number, stream: boolean): Promise<Figures> {
  let next = 0;
  let outputTokens = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requestsPerRun) {
      const index = next++;
      const response = await fetch(`${url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'sim:compliant',
          messages: [{ role: 'user', content: `${prompt} (variant ${index})` }],
          stream,
          ...(stream ? { stream_options: { include_usage: true } } : {}),
        }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (stream) {
        const text = await response.text();
        const usageLine = text
          .split('\n')
          .filter(line => line.startsWith('data: {') && line.includes('"usage"'))
          .pop();
        const usage = usageLine ? JSON.parse(usageLine.slice(6)).usage : undefined;
        outputTokens += usage?.completion_tokens ?? 0;
      } else {
        const body = (await response.json()) as { usage: { completion_tokens: number } };
        outputTokens += body.usage.completion_tokens;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    label: `HTTP ${stream ? 'stream' : 'json  '} c=${String(concurrency).padStart(2)}`,
    requests: requestsPerRun,
    seconds: (performance.now() - started) / 1000,
    outputTokens,
  };
}

async function runInProcess(concurrency: number): Promise<Figures> {
  const sim = createSim({ seed: 1 });
  let next = 0;
  let outputTokens = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requestsPerRun) {
      const index = next++;
      const result = await generateText({
        model: sim('sim:compliant'),
        prompt: `${prompt} (variant ${index})`,
      });
      outputTokens += result.usage.outputTokens ?? 0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    label: `provider      c=${String(concurrency).padStart(2)}`,
    requests: requestsPerRun,
    seconds: (performance.now() - started) / 1000,
    outputTokens,
  };
}

function print(figures: Figures): void {
  const rps = figures.requests / figures.seconds;
  const tps = figures.outputTokens / figures.seconds;
  console.log(
    `${figures.label}  ${rps.toFixed(0).padStart(6)} req/s  ${Math.round(tps).toLocaleString('en-US').padStart(10)} output tokens/s  ` +
      `${((figures.seconds / figures.requests) * 1000).toFixed(2).padStart(7)} ms/request`,
  );
}

const server = await startSimServer({ port: 0, seed: 1 });
try {
  console.log(
    `simulator throughput: ${requestsPerRun} requests of ~${wordsPerResponse} words each, latency off`,
  );
  // Warm-up so JIT and connection pools do not count against the first configuration.
  await runHttp(server.url, 4, true);
  for (const concurrency of [1, 4, 16]) {
    print(await runHttp(server.url, concurrency, false));
    print(await runHttp(server.url, concurrency, true));
    print(await runInProcess(concurrency));
  }
} finally {
  await server.close();
}
