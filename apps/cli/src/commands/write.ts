import { createHash } from 'node:crypto';
import { isAbsolute, join, resolve } from 'node:path';
import {
  createAgentWriter,
  createRunReport,
  createRunStepRunner,
  extractTargetLength,
  formatPlanFile,
  formatRunReport,
  type PlanFile,
  readPlanFile,
  type WriterEvent,
} from '@longform/agentwrite';
import {
  countWordsLongWriter,
  createScheduler,
  estimateCost,
  openRun,
  writeFileAtomic,
} from '@longform/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { positiveInteger } from '../options/number-options';
import { addWriterOptions, type WriterOptions } from '../options/writer-options';
import { createUsageMeter } from '../progress/usage-meter';

export interface WriteOptions extends WriterOptions {
  words?: number;
  plan?: string;
  out?: string;
  runDir?: string;
  timeout: number;
  fresh: boolean;
}

/**
 * `longform write`: plan → write a long document with per-section length control, journaled in a
 * run folder so that re-running the same command resumes where it stopped.
 */
export function registerWriteCommand(program: Command, context: CliContext): void {
  const writeCommand = program
    .command('write')
    .description(
      'write a long document of the requested length (AgentWrite plan → write, length-controlled)',
    )
    .argument(
      '[instruction]',
      'the writing instruction, e.g. "Write a 10,000-word history of tides" (optional with --plan)',
    )
    .option(
      '-w, --words <n>',
      'target length (words, or 字 for Chinese); default: read from the instruction',
      positiveInteger('--words'),
    )
    .option('--plan <file>', 'write from this plan file (.md or .json, see `longform plan`)')
    .option(
      '-o, --out <file>',
      'write the document here (default: print each finished section to stdout)',
    )
    .option(
      '--run-dir <dir>',
      'run folder (journal, plan, document, report); default: .longform/runs/write-<hash of the command>',
    );
  addWriterOptions(writeCommand, {
    modeHelp: 'controlled, or faithful (LongWriter as published, for comparisons)',
    minAttempts: 1,
  })
    .option(
      '--timeout <ms>',
      'per-call timeout in ms (a hung call is retried)',
      positiveInteger('--timeout'),
      120_000,
    )
    .option('--fresh', 'start the run over instead of resuming it', false)
    .action(async (instructionArg: string | undefined, options: WriteOptions, command: Command) => {
      const globals = context.globals(command);
      const cwd = context.io.cwd;
      const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));

      let planFile: PlanFile | undefined;
      if (options.plan) planFile = await readPlanFile(abs(options.plan));
      const instruction = instructionArg ?? planFile?.instruction;
      if (!instruction?.trim()) {
        command.error('error: give an instruction, or a plan file with --plan');
      }
      // Fail on a missing length before any model is called.
      const targetWords =
        options.words ?? planFile?.targetWords ?? extractTargetLength(instruction).words;

      const { model } = await context.resolveModel(globals);
      const config = {
        instruction,
        targetWords,
        model: model.spec,
        mode: options.mode,
        context: options.context,
        maxAttempts: options.maxAttempts,
        plan: planFile ?? null,
      };
      const hash = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 12);
      const runDir = abs(options.runDir ?? join('.longform', 'runs', `write-${hash}`));
      const run = await openRun({
        dir: runDir,
        command: 'write',
        config,
        resume: options.fresh ? 'force-new' : 'auto',
      });
      if (run.resumed && !globals.quiet)
        context.info(
          `resuming the run in ${runDir} (${run.journal.count} steps done; replayed attempts are marked *)`,
        );
      else if (!globals.quiet) context.info(`run folder: ${runDir}`);

      const scheduler = createScheduler({
        // Sections are written strictly in order: one call at a time.
        concurrency: 1,
        timeoutMs: options.timeout,
        signal: context.io.signal,
      });
      const writer = createAgentWriter({
        runner: createRunStepRunner({ run, scheduler, model }),
        supportsStructuredOutput: model.capabilities.structuredOutput,
        mode: options.mode,
        contextPolicy: options.context,
        maxControlAttempts: options.maxAttempts,
      });

      const progress = context.progress(globals);
      const streamToStdout = !options.out && !globals.json;
      let sectionsDone = 0;
      let sectionCount = 0;
      let wordsDone = 0;
      let streamedWords = 0;
      let unit = 'words';
      const usage = createUsageMeter(model.modelId);
      const details = () =>
        [
          `section ${Math.min(sectionsDone + 1, sectionCount)}/${sectionCount}`,
          ...usage.details(),
        ].join(' · ');
      const onEvent = (event: WriterEvent) => {
        switch (event.type) {
          case 'plan-ready':
            sectionCount = event.plan.sections.length;
            unit = event.plan.unit;
            progress.log(
              `plan: ${sectionCount} sections, ${event.plan.targetWords} ${event.plan.unit}${event.adjustments.length ? ` (${event.adjustments.length} adjustments)` : ''}`,
            );
            for (const adjustment of event.adjustments)
              progress.log(`  plan adjusted: ${adjustment}`);
            if (event.ignoredLines.length > 0) {
              progress.log(
                `  ignored ${event.ignoredLines.length} line(s) of the model's plan that are not plan lines`,
              );
            }
            progress.start({
              label: 'write',
              total: event.plan.targetWords,
              unit: event.plan.unit,
            });
            break;
          case 'text-delta':
            streamedWords += countWordsLongWriter(event.delta);
            progress.update(wordsDone + streamedWords, details());
            break;
          case 'section-attempt':
            usage.add(event.attempt.usage);
            streamedWords = 0;
            break;
          case 'section-done': {
            sectionsDone = event.index + 1;
            wordsDone = event.wordsSoFar;
            const r = event.report;
            progress.log(
              `section ${event.index + 1}/${event.count}${r.title ? ` "${r.title}"` : ''}: ${r.actualWords}/${r.adjustedWords} ${unit} (${r.attempts.map(a => (a.fromJournal ? `${a.kind}*` : a.kind)).join(', ')})`,
            );
            progress.update(wordsDone, details());
            if (streamToStdout) context.io.stdout.write(`${event.text}\n\n`);
            break;
          }
          default:
            break;
        }
      };

      const started = Date.now();
      try {
        const result = await writer.write({
          instruction,
          targetWords,
          ...(planFile ? { plan: planFile } : {}),
          onEvent,
          abortSignal: context.io.signal,
        });
        const report = createRunReport(result, {
          durationMs: Date.now() - started,
          model: model.spec,
          costUsd: estimateCost(model.modelId, {
            inputTokens: result.usage.reduce((n, u) => n + (u.inputTokens ?? 0), 0),
            outputTokens: result.usage.reduce((n, u) => n + (u.outputTokens ?? 0), 0),
          }),
        });
        await run.writeOutput('plan.md', formatPlanFile(result.plan, 'markdown'));
        const documentPath = await run.writeOutput('document.md', result.document);
        await run.writeOutput('report.json', `${JSON.stringify(report, null, 2)}\n`);
        await run.writeOutput('report.md', formatRunReport(report));
        if (options.out) await writeFileAtomic(abs(options.out), result.document);
        await run.setStatus('completed');
        progress.finish(
          `done: ${report.totalWords}/${report.targetWords} ${report.unit} · S_l ${report.sl.toFixed(1)} · ${report.modelCalls} calls (+${report.journalHits} resumed) · ${(report.durationMs / 1000).toFixed(1)} s`,
        );
        context.result(
          globals,
          { ...report, document: options.out ? abs(options.out) : documentPath, runDir },
          () =>
            options.out ? `wrote ${abs(options.out)} (report: ${join(runDir, 'report.md')})` : '',
        );
      } catch (error) {
        progress.finish();
        await run
          .setStatus(context.io.signal.aborted ? 'cancelled' : 'failed', { error })
          .catch(() => undefined);
        throw error;
      } finally {
        await run.close();
      }
    });
}
