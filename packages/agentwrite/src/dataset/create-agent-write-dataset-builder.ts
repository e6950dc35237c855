import { basename, join, resolve } from 'node:path';
import {
  createScheduler,
  InvalidModelSpecError,
  MissingApiKeyError,
  openRun,
  type ResolvedModel,
  type TokenUsage,
} from '@longform/core';
import {
  createDatasetExporter,
  type DatasetExportSummary,
  type ExportFormat,
  type Instruction,
  readInstructions,
  type SftSample,
} from '@longform/datasets';
import { APICallError } from 'ai';
import { IncompleteResponseError } from '../errors/incomplete-response-error';
import { PlanError } from '../errors/plan-error';
import { SectionWriteError } from '../errors/section-write-error';
import { TargetLengthNotFoundError } from '../errors/target-length-not-found-error';
import { createAgentWriter } from '../writer/create-agent-writer';
import { createRunStepRunner } from '../writer/create-run-step-runner';
import type { StepRunner } from '../writer/step-runner';
import {
  type AgentWriteDatasetOptions,
  parseAgentWriteDatasetOptions,
  type ResolvedAgentWriteDatasetOptions,
} from './agent-write-dataset-settings';
import type { AgentWriteDatasetEvent, DatasetFailureReason } from './dataset-events';
import { buildDatasetFilters } from './dataset-filters';
import { type RowTarget, resolveRowTarget } from './resolve-row-target';
import { runInOrder } from './run-in-order';
import { toAgentWriteSample } from './to-agentwrite-sample';

export interface AgentWriteDatasetBuilderSettings extends AgentWriteDatasetOptions {
  /** The writer model (`resolveModel(...)` of `@longform/core`). */
  model: ResolvedModel;
}

export interface BuildDatasetRequest {
  /** Stops between steps (Ctrl-C); the journals keep the progress, and a re-run resumes. */
  signal?: AbortSignal;
  onEvent?: (event: AgentWriteDatasetEvent) => void;
}

export interface AgentWriteDatasetResult {
  summary: DatasetExportSummary;
  runDir: string;
  instructions: number;
  /** Rows already in the dataset journal when the build started. */
  skipped: number;
  /** Rows written (or replayed from step journals) in this session, and those that failed. */
  written: number;
  failed: number;
  /** Model calls made and steps replayed from the run journal, this session. */
  modelCalls: number;
  journalHits: number;
  /** Tokens of this session's documents (replayed steps count with their journaled usage). */
  usage: Required<Pick<TokenUsage, 'inputTokens' | 'outputTokens'>>;
  /** Most documents started but not yet exported at once: the memory bound. */
  peakPendingDocuments: number;
}

export interface AgentWriteDatasetBuilder {
  readonly options: ResolvedAgentWriteDatasetOptions;
  build(request?: BuildDatasetRequest): Promise<AgentWriteDatasetResult>;
}

type DocumentOutcome =
  | {
      kind: 'sample';
      sample: SftSample;
      target: RowTarget;
      usage: TokenUsage;
      modelCalls: number;
      journalHits: number;
    }
  | { kind: 'failure'; reason: DatasetFailureReason; message: string };

// Pending documents allowed per running one: room for a slow document to finish while the next
// ones already wait, with memory still bounded by a constant number of documents.
const WINDOW_PER_DOCUMENT = 4;

/**
 * Builds a long-output SFT dataset from many instructions with AgentWrite.
 *
 * - One run folder and one scheduler (concurrency, RPM, TPM) for the whole dataset. Every writer
 *   step is journaled under a key that includes the instruction id, so re-running resumes:
 *   exported instructions are skipped, half-written documents continue from their steps.
 * - Documents are written with bounded concurrency and exported in input order the moment they
 *   are done (never all in memory); rows, and dedup verdicts, do not depend on which document
 *   finished first.
 * - A row without a usable target length, or whose writing fails, is recorded as a failure in the
 *   dataset and the build goes on. Configuration errors (a bad key, an unknown model) stop it.
 */
export function createAgentWriteDatasetBuilder(
  settings: AgentWriteDatasetBuilderSettings,
): AgentWriteDatasetBuilder {
  const { model, ...rest } = settings;
  const options = parseAgentWriteDatasetOptions(rest);
  // Validates writer options now, with the same errors the writer would raise.
  const makeWriter = (runner: StepRunner) =>
    createAgentWriter({
      ...options.writer,
      runner,
      supportsStructuredOutput: model.capabilities.structuredOutput,
    });
  makeWriter(() => Promise.reject(new Error('unused')));

  async function build({ signal, onEvent }: BuildDatasetRequest = {}) {
    const emit = (event: AgentWriteDatasetEvent) => onEvent?.(event);
    const out = resolve(options.out);
    const runDir = resolve(options.runDir ?? join(out, '.longform', 'run'));
    const instructionsFile = resolve(options.instructions);

    // Every input problem surfaces before the first model call.
    const instructions = await readInstructions(instructionsFile);
    const filters = await buildDatasetFilters(options);
    const formats: ExportFormat[] = [...options.formats, 'metadata', 'rejected'];
    if (options.formats.includes('llama-factory') && options.formats.length === 1) {
      formats.push('alpaca-json');
    }
    const source = basename(instructionsFile);
    const exporter = createDatasetExporter({
      dir: out,
      name: options.name,
      formats,
      filters,
      card: {
        title: options.card.title ?? 'AgentWrite long-output SFT dataset',
        description:
          options.card.description ??
          `Long outputs written with AgentWrite (plan → write, ${options.writer.mode} mode) ` +
            `by ${model.spec} for the instructions in ${source}. Lengths are counted with the ` +
            'LongBench-Write counter; S_l is the LongBench-Write length score.',
        ...(options.card.license !== undefined && { license: options.card.license }),
        tags: ['agentwrite', 'long-output', 'longwriter'],
      },
      histogram: { counter: 'longwriter' },
      // The card lists the method, model and source itself; these are the settings it cannot see.
      runConfig: {
        mode: options.writer.mode,
        contextPolicy: options.writer.contextPolicy,
        maxControlAttempts: options.writer.maxControlAttempts,
        sectionWords: `${options.writer.sectionBounds.min}-${options.writer.sectionBounds.max}`,
        counter: 'longwriter',
        ...(options.defaultWords !== undefined && { defaultWords: options.defaultWords }),
        systemPrompt: options.system !== undefined,
      },
    });
    await exporter.open();

    let run: Awaited<ReturnType<typeof openRun>> | undefined;
    let finished = false;
    try {
      run = await openRun({
        dir: runDir,
        command: 'dataset-agentwrite',
        // What decides a step's result. Filters, formats and concurrency are left out: changing
        // them re-judges or re-exports, it does not redo writing.
        config: { model: model.spec, writer: options.writer },
      });
      const openedRun = run;

      const todo: Instruction[] = [];
      for (const instruction of instructions) {
        if (!(await exporter.has(instruction.id))) todo.push(instruction);
      }
      emit({
        type: 'dataset-start',
        instructions: instructions.length,
        skipped: instructions.length - todo.length,
        todo: todo.length,
        runDir,
        resumedRun: openedRun.resumed,
      });

      const scheduler = createScheduler({
        concurrency: options.concurrency,
        timeoutMs: options.timeoutMs,
        ...(options.requestsPerMinute !== undefined && {
          requestsPerMinute: options.requestsPerMinute,
        }),
        ...(options.tokensPerMinute !== undefined && { tokensPerMinute: options.tokensPerMinute }),
        ...(signal && { signal }),
      });
      const baseRunner = createRunStepRunner({
        run: openedRun,
        scheduler,
        model,
        maxTries: options.maxTries,
      });

      let written = 0;
      let failed = 0;
      let modelCalls = 0;
      let journalHits = 0;
      const usage = { inputTokens: 0, outputTokens: 0 };

      const writeDocument = async (instruction: Instruction): Promise<DocumentOutcome> => {
        let target: RowTarget;
        try {
          target = resolveRowTarget(instruction, options.defaultWords);
        } catch (error) {
          if (!TargetLengthNotFoundError.isInstance(error)) throw error;
          return {
            kind: 'failure',
            reason: 'no-target-length',
            message:
              'no target length: the row has no "length" or "words" field, the prompt states ' +
              'none, and no default length was given (--default-words)',
          };
        }
        emit({ type: 'document-start', id: instruction.id, line: instruction.line, target });
        // The instruction id in the step name puts it in every journal key, so two rows never
        // share steps, even with the same prompt.
        const runner: StepRunner = request =>
          baseRunner({ ...request, step: `${instruction.id}/${request.step}` });
        try {
          const result = await makeWriter(runner).write({
            instruction: instruction.prompt,
            targetWords: target.words,
            ...(signal && { abortSignal: signal }),
            onEvent: event => emit({ type: 'writer', id: instruction.id, event }),
          });
          const sample = toAgentWriteSample({
            instruction,
            target,
            result,
            model,
            source,
            ...(options.system !== undefined && { system: options.system }),
          });
          return {
            kind: 'sample',
            sample,
            target,
            usage: sample.metadata.usage as TokenUsage,
            modelCalls: result.modelCalls,
            journalHits: result.journalHits,
          };
        } catch (error) {
          if (signal?.aborted || isFatal(error)) throw error;
          return { kind: 'failure', reason: failureReason(error), message: messageOf(error) };
        }
      };

      const documents = options.documents ?? options.concurrency;
      const stats = await runInOrder({
        items: todo,
        concurrency: documents,
        window: documents * WINDOW_PER_DOCUMENT,
        ...(signal && { signal }),
        run: writeDocument,
        commit: async (outcome, instruction) => {
          if (outcome.kind === 'failure') {
            failed++;
            await exporter.reportFailure({
              id: instruction.id,
              reason: outcome.reason,
              message: outcome.message,
            });
            emit({
              type: 'document-failed',
              id: instruction.id,
              line: instruction.line,
              reason: outcome.reason,
              message: outcome.message,
            });
            return;
          }
          written++;
          modelCalls += outcome.modelCalls;
          journalHits += outcome.journalHits;
          usage.inputTokens += outcome.usage.inputTokens ?? 0;
          usage.outputTokens += outcome.usage.outputTokens ?? 0;
          const added = await exporter.add(outcome.sample);
          const { metadata } = outcome.sample;
          emit({
            type: 'document-done',
            id: instruction.id,
            line: instruction.line,
            added,
            words: metadata.lengths.longwriter ?? 0,
            unit: metadata.unit === '字' ? '字' : 'words',
            target: outcome.target.words,
            lengthScore: metadata.lengthScore ?? 0,
            usage: outcome.usage,
            modelCalls: outcome.modelCalls,
            journalHits: outcome.journalHits,
          });
        },
      });

      const summary = await exporter.finish({ inputCount: instructions.length });
      finished = true;
      emit({ type: 'dataset-done', summary });
      await openedRun.writeOutput('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
      await openedRun.setStatus('completed');
      return {
        summary,
        runDir,
        instructions: instructions.length,
        skipped: instructions.length - todo.length,
        written,
        failed,
        modelCalls,
        journalHits,
        usage,
        peakPendingDocuments: stats.peakPending,
      };
    } catch (error) {
      if (!finished) await exporter.close().catch(() => undefined);
      await run
        ?.setStatus(signal?.aborted ? 'cancelled' : 'failed', { error })
        .catch(() => undefined);
      throw error;
    } finally {
      await run?.close();
    }
  }

  return { options, build };
}

/** Errors every other row would hit as well: stop instead of recording one failure per row. */
function isFatal(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e != null && depth < 8; depth++) {
    if (MissingApiKeyError.isInstance(e) || InvalidModelSpecError.isInstance(e)) return true;
    if (
      APICallError.isInstance(e) &&
      (e.statusCode === 401 || e.statusCode === 403 || e.statusCode === 404)
    ) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function failureReason(error: unknown): DatasetFailureReason {
  if (PlanError.isInstance(error)) return 'plan-error';
  if (IncompleteResponseError.isInstance(error)) return 'incomplete-response';
  if (SectionWriteError.isInstance(error)) return 'section-write-error';
  return 'generation-error';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
