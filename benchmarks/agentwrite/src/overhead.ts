/**
 * Orchestration overhead of one 10,000-word AgentWrite run against the in-process simulator:
 * wall time over the simulator's own generation time, and CPU time per 1,000 streamed tokens.
 *
 *   npm run bench:overhead -w @longform/bench-agentwrite
 *   TPS=400 PROFILE=under npm run bench:overhead -w @longform/bench-agentwrite
 *
 * The simulator paces its streams at TPS tokens/s (default 2000), so its generation time is the
 * sum over calls of (output tokens / TPS); everything above that is the writer's own cost.
 */
import { createAgentWriter, createModelStepRunner, type StepRunner } from '@longform/agentwrite';
import { countWordsLongWriter } from '@longform/core';
import { createSim } from '@longform/sim';

const TPS = Number(process.env.TPS ?? 2000);
const PROFILE = (process.env.PROFILE ?? 'compliant') as
  | 'compliant'
  | 'under'
  | 'over'
  | 'capped'
  | 'noisy';
const INSTRUCTION =
  process.env.INSTRUCTION ??
  'Write a 10,000-word history of lighthouses, from antiquity to automation.';

const provider = createSim({
  seed: 7,
  profile: PROFILE,
  latency: { timeToFirstTokenMs: 0, tokensPerSecond: TPS },
});
const inner = createModelStepRunner(provider('sim'));
let streamedTokens = 0;
let generationMs = 0;
let calls = 0;
// Time inside model calls, measured around each call: that is the simulator's share of the wall time.
const runner: StepRunner = async request => {
  const started = performance.now();
  const result = await inner(request);
  generationMs += performance.now() - started;
  streamedTokens += result.usage.outputTokens ?? 0;
  calls++;
  return result;
};

const writer = createAgentWriter({ runner });
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
const result = await writer.write({ instruction: INSTRUCTION });
const wallMs = performance.now() - wallStart;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
const simGenerationMs = (streamedTokens / TPS) * 1000;

console.log(
  `\nAgentWrite orchestration overhead (profile ${PROFILE}, simulator at ${TPS} tokens/s)\n`,
);
console.log(
  `document: ${countWordsLongWriter(result.document)} of ${result.targetWords} words, ${result.sections.length} sections, ${calls} model calls`,
);
console.log(`streamed output tokens: ${streamedTokens}`);
console.log(
  `wall time: ${(wallMs / 1000).toFixed(2)} s; simulator generation time: ${(simGenerationMs / 1000).toFixed(2)} s; time inside calls: ${(generationMs / 1000).toFixed(2)} s`,
);
console.log(`wall / simulator generation: ${(wallMs / simGenerationMs).toFixed(3)}×`);
console.log(`orchestration outside calls: ${((wallMs - generationMs) / 1000).toFixed(3)} s`);
console.log(
  `CPU: ${cpuMs.toFixed(0)} ms total, ${((cpuMs / streamedTokens) * 1000).toFixed(1)} ms per 1,000 streamed tokens (process, simulator included)`,
);
