// A run that is interrupted and resumed: finished steps come back from the journal, the rest are
// generated. Uses the in-process simulator, so it needs no API key or network.
//
//   cd packages/core && npx tsdown && node examples/journal-resume.ts [run-dir]
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScheduler, generateStep, openRun, resolveModel } from '@longform/core';

const dir = process.argv[2] ?? join(await mkdtemp(join(tmpdir(), 'longform-example-')), 'run');
const config = {
  model: 'sim:compliant',
  topic: 'the history of tea',
  sections: 6,
  wordsPerSection: 150,
};
// A little latency, so that the interruption below lands while sections are still being written.
const model = resolveModel(config.model, {
  sim: { seed: 42, latency: { timeToFirstTokenMs: 50 } },
});

async function session(label: string, stopAfter?: number) {
  const run = await openRun({ dir, command: 'example', config });
  const controller = new AbortController();
  const scheduler = createScheduler({ concurrency: 2, signal: controller.signal });
  let finished = 0;
  let fromJournal = 0;
  try {
    await Promise.all(
      Array.from({ length: config.sections }, (_, step) =>
        generateStep({
          run,
          scheduler,
          model,
          stage: 'write',
          step,
          prompt: `Write section ${step + 1} of ${config.sections} of an essay on ${config.topic}, about ${config.wordsPerSection} words.`,
          params: { temperature: 1, maxOutputTokens: 1000, seed: step },
        }).then(result => {
          finished += 1;
          if (result.fromJournal) fromJournal += 1;
          // Simulates a crash or Ctrl-C part-way through the first session.
          if (stopAfter !== undefined && finished >= stopAfter) controller.abort();
        }),
      ),
    );
    await run.writeOutput('done.txt', 'all sections written\n');
    await run.setStatus('completed');
  } catch (error) {
    await run.setStatus('cancelled', { error });
  } finally {
    const usage = run.usage.run;
    console.log(
      `${label}: ${finished} sections finished (${fromJournal} from the journal), ` +
        `journal holds ${run.journal.count}, status ${run.manifest.status}, ` +
        `${usage.outputTokens} output tokens so far, cost $${usage.costUsd?.toFixed(4) ?? '?'}`,
    );
    await run.close();
  }
}

console.log(`run folder: ${dir}`);
await session('first session (interrupted)', 3);
await session('second session (resumed)');
