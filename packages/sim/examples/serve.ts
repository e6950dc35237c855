// Starts the simulator server on 127.0.0.1, asks it for a 200-word answer over plain HTTP (as any
// OpenAI-compatible client would), prints what came back and shuts down.
// Run from packages/sim after `npx tsdown`: node examples/serve.ts
import { startSimServer } from '@longform/sim';

const server = await startSimServer({
  seed: 1,
  profile: 'compliant',
  latency: { timeToFirstTokenMs: 50, tokensPerSecond: 2000 },
});
console.log(`simulator listening on ${server.url}`);

try {
  const models = (await (await fetch(`${server.url}/models`)).json()) as {
    data: Array<{ id: string }>;
  };
  console.log(`models: ${models.data.map(m => m.id).join(', ')}`);

  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'sim:capped@q=0.8',
      messages: [{ role: 'user', content: 'Write a 200-word note about harbors.' }],
    }),
  });
  const body = (await response.json()) as {
    choices: Array<{ message: { content: string }; finish_reason: string }>;
    usage: { prompt_tokens: number; completion_tokens: number };
  };
  const text = body.choices[0]?.message.content ?? '';
  const words = (text.match(/(?<![\p{L}\p{N}_])[A-Za-z]+(?![\p{L}\p{N}_])/gu) ?? []).length;
  console.log(text);
  console.log(
    `\n${words} words (LongWriter counter), finish_reason=${body.choices[0]?.finish_reason}, ` +
      `usage: ${body.usage.prompt_tokens} prompt + ${body.usage.completion_tokens} completion tokens`,
  );
  console.log('stats:', server.stats());
} finally {
  await server.close();
}
