/**
 * Exports a small SFT dataset with @longform/datasets: read instructions, "generate" outputs, filter,
 * and write OpenAI / ShareGPT / Alpaca / LLaMA-Factory files plus a dataset card. The run is split
 * in two to show resuming: the second exporter replays the journal the first one left behind.
 *
 *   cd packages/datasets && npx tsdown && node examples/export.ts [out-dir]
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countWordsLongWriter, countWordsUnicode } from '@longform/core';
import {
  createDatasetExporter,
  type DatasetExporterSettings,
  type Instruction,
  readInstructions,
  type SftSample,
} from '@longform/datasets';

const dir = process.argv[2] ?? join(tmpdir(), 'longform-datasets-example');
await rm(dir, { recursive: true, force: true });

const instructions = await readInstructions(
  new URL('./instructions.jsonl', import.meta.url).pathname,
);

// A stand-in for AgentWrite: deterministic text of roughly the requested length. A real run would
// call the writer here, under core's scheduler.
function write(instruction: Instruction): string {
  const target = instruction.requiredLength ?? 500;
  if (instruction.id === 'too-short') return 'Tide pools are small worlds.';
  if (/[\u4e00-\u9fff]/.test(instruction.prompt)) {
    return Array.from(
      { length: Math.ceil(target / 20) },
      (_, i) => `屋顶花园的第${i + 1}个好处是让城市更凉爽更安静。`,
    ).join('\n\n');
  }
  // The two sourdough prompts get nearly the same answer, so near-duplicate removal has work to do.
  const seed = instruction.prompt.includes('sourdough') ? 1 : instruction.line;
  let state = seed * 2654435761;
  const words = Array.from({ length: target }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return VOCABULARY[(state >>> 0) % VOCABULARY.length];
  });
  if (instruction.line === 4) words[10] = 'variation';
  return words.join(' ');
}

const VOCABULARY = (
  'the a river light keeper stone harbour wind salt map dream line north coast story bread warm ' +
  'flour water jar time journey night lamp rope island tide shore chart ink paper road city roof ' +
  'garden green quiet slow bright old new small large deep clear'
).split(' ');

// S_l from LongBench-Write (agentwrite.md §2.5). A real pipeline takes it from @longform/eval; the
// exporter only reads the number.
function lengthScore(required: number, actual: number): number {
  if (actual === 0) return 0;
  return actual > required
    ? 100 * Math.max(0, 1 - (actual / required - 1) / 3)
    : 100 * Math.max(0, 1 - (required / actual - 1) / 2);
}

function toSample(instruction: Instruction): SftSample {
  const output = write(instruction);
  const longwriter = countWordsLongWriter(output);
  return {
    id: instruction.id,
    instruction: instruction.prompt,
    output,
    metadata: {
      lengths: { longwriter, unicode: countWordsUnicode(output) },
      ...(instruction.requiredLength !== undefined && {
        requiredLength: instruction.requiredLength,
        lengthScore: lengthScore(instruction.requiredLength, longwriter),
      }),
      source: 'examples/instructions.jsonl',
      method: 'agentwrite',
      model: 'example:stand-in',
    },
  };
}

const settings: DatasetExporterSettings = {
  dir,
  name: 'example_longwriter',
  filters: [
    { type: 'length', counter: 'longwriter', min: 50 },
    { type: 'length-score', min: 80 },
    {
      type: 'decontamination',
      benchmarks: [
        {
          name: 'longbench-write',
          prompts: [
            'Write an outline for a short 100-word blog post about why Christmas Cactus are a great buy.',
          ],
        },
      ],
    },
    { type: 'exact-dedup', fields: ['instruction'] },
    { type: 'near-dedup', field: 'output' },
  ],
  card: { title: 'Example AgentWrite SFT set', license: 'apache-2.0' },
  runConfig: { seed: 1 },
};

// First run: stops after three instructions (close() instead of finish(), as on Ctrl-C; a crash
// leaves the same journal behind, and its stale lock is taken over).
const first = createDatasetExporter(settings);
for (const instruction of instructions.slice(0, 3)) await first.add(toSample(instruction));
await first.close();

// Second run: skips what the journal already has, adds the rest concurrently, then finishes.
const second = createDatasetExporter(settings);
console.log('resumed:', await second.open());
const pending = [];
for (const instruction of instructions) {
  if (await second.has(instruction.id)) continue;
  pending.push(second.add(toSample(instruction)));
}
for (const result of await Promise.all(pending)) {
  console.log(`${result.id}: ${result.status}${result.reason ? ` (${result.reason})` : ''}`);
}
const summary = await second.finish({ inputCount: instructions.length });

console.log('\ncounts:', JSON.stringify(summary.counts, null, 2));
console.log('files:', Object.values(summary.files).join('\n       '));
