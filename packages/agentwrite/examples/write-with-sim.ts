/**
 * Writes a 3,000-word document with the in-process simulator on its `under` profile (a model that
 * writes 0.7× what it is asked for), and shows how the length controller gets it to length.
 *
 *   cd packages/agentwrite && npx tsdown && node examples/write-with-sim.ts
 */
import {
  createAgentWriter,
  createModelStepRunner,
  createRunReport,
  formatRunReport,
} from '@longform/agentwrite';
import { createSim } from '@longform/sim';

const sim = createSim({ seed: 42, profile: 'under' });

const writer = createAgentWriter({
  runner: createModelStepRunner(sim('sim')),
  mode: 'controlled',
  sectionBounds: { min: 200, max: 1000 },
  maxControlAttempts: 4,
});

const started = Date.now();
const result = await writer.write({
  instruction: 'Write a 3000-word guide to keeping bees in a small city garden.',
  onEvent: event => {
    if (event.type === 'plan-ready') {
      console.error(
        `plan: ${event.plan.sections.length} sections, ${event.plan.targetWords} words`,
      );
    } else if (event.type === 'section-done') {
      const kinds = event.report.attempts.map(a => a.kind).join(' → ');
      console.error(
        `section ${event.index + 1}/${event.count}: ${event.report.actualWords}/${event.report.adjustedWords} words (${kinds})`,
      );
    }
  },
});

const report = createRunReport(result, { durationMs: Date.now() - started, model: 'sim (under)' });
console.log(formatRunReport(report));
console.log(`--- first 400 characters of the document ---\n${result.document.slice(0, 400)}…`);
