import { isAbsolute, resolve } from 'node:path';
import {
  type AgentWriteDatasetEvent,
  type AgentWriteDatasetFormat,
  agentWriteDatasetFormatSchema,
  createAgentWriteDatasetBuilder,
} from '@longform/agentwrite';
import { estimateCost } from '@longform/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CliContext } from '../cli-context';
import { nonNegativeInteger, positiveInteger } from '../options/number-options';
import { addWriterOptions, type WriterOptions } from '../options/writer-options';
import { createUsageMeter } from '../progress/usage-meter';

function scoreThreshold(value: string) {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 100)
    throw new InvalidArgumentError('--min-length-score must be a number from 0 to 100');
  return parsed;
}

function formatList(value: string): AgentWriteDatasetFormat[] {
  const formats = value
    .split(',')
    .map(f => f.trim())
    .filter(Boolean);
  for (const format of formats) {
    if (!agentWriteDatasetFormatSchema.safeParse(format).success) {
      throw new InvalidArgumentError(
        `unknown format "${format}" (choose from ${agentWriteDatasetFormatSchema.options.join(', ')})`,
      );
    }
  }
  if (formats.length === 0) throw new InvalidArgumentError('give at least one format');
  return formats as AgentWriteDatasetFormat[];
}

export interface DatasetAgentWriteOptions extends WriterOptions {
  instructions: string;
  out: string;
  runDir?: string;
  name: string;
  concurrency: number;
  documents?: number;
  rpm?: number;
  tpm?: number;
  timeout: number;
  defaultWords?: number;
  minWords?: number;
  maxWords?: number;
  minLengthScore: number;
  dedup: 'exact' | 'near' | 'none';
  decontaminate?: string[];
  formats?: AgentWriteDatasetFormat[];
  system?: string;
  license?: string;
  title?: string;
}

/**
 * `longform dataset agentwrite`: a long-output SFT dataset from an instruction file. One run
 * folder journals every writer step of every document, so re-running the same command resumes.
 */
export function registerDatasetAgentWriteCommand(parent: Command, context: CliContext): void {
  const agentWrite = parent
    .command('agentwrite')
    .description(
      'write a long output for every instruction with AgentWrite, filter, and export SFT files (resumable)',
    )
    .requiredOption(
      '-i, --instructions <file>',
      'JSONL, one {"prompt", "id"?, "length"?} per line (LongWriter format)',
    )
    .requiredOption(
      '-o, --out <dir>',
      'dataset folder: openai/sharegpt/alpaca files, dataset_info.json, README.md',
    )
    .option('--run-dir <dir>', 'run folder journaling every step (default: <out>/.longform/run)')
    .option('--name <name>', 'dataset name (dataset_info.json keys)', 'agentwrite_sft')
    .option(
      '--default-words <n>',
      'target for rows with no "length" field and no length in the prompt (otherwise they fail)',
      positiveInteger('--default-words'),
    )
    .option('--concurrency <n>', 'model calls at once', positiveInteger('--concurrency'), 4)
    .option(
      '--documents <n>',
      'documents written at once (default: --concurrency)',
      positiveInteger('--documents'),
    )
    .option('--rpm <n>', 'requests per minute', positiveInteger('--rpm'))
    .option('--tpm <n>', 'tokens per minute', positiveInteger('--tpm'))
    .option(
      '--timeout <ms>',
      'per-call timeout in ms (a hung call is retried)',
      positiveInteger('--timeout'),
      120_000,
    );
  addWriterOptions(agentWrite, {
    modeHelp: 'controlled, or faithful (LongWriter as published)',
    minAttempts: 0,
  })
    .option(
      '--min-words <n>',
      'drop outputs shorter than this (LongWriter counter)',
      nonNegativeInteger('--min-words'),
    )
    .option(
      '--max-words <n>',
      'drop outputs longer than this (LongWriter counter)',
      nonNegativeInteger('--max-words'),
    )
    .option(
      '--min-length-score <n>',
      'drop outputs whose S_l (LongBench-Write length score) is below this; 0 keeps all',
      scoreThreshold,
      80,
    )
    .addOption(
      new Option('--dedup <kind>', 'duplicate removal: exact, near (exact + MinHash), none')
        .choices(['exact', 'near', 'none'])
        .default('near'),
    )
    .option(
      '--decontaminate <files...>',
      'benchmark prompt files (LongBench-Write, LonGen JSONL) to keep out of the dataset',
    )
    .option(
      '--formats <list>',
      `comma-separated: ${agentWriteDatasetFormatSchema.options.join(',')} (default: all)`,
      formatList,
    )
    .option('--system <prompt>', 'system prompt added to every exported conversation')
    .option('--license <id>', 'Hugging Face licence id for the dataset card (default: other)')
    .option('--title <title>', 'dataset card title')
    .action(async (options: DatasetAgentWriteOptions, command: Command) => {
      const globals = context.globals(command);
      const abs = (p: string) => (isAbsolute(p) ? p : resolve(context.io.cwd, p));
      const { model } = await context.resolveModel(globals);

      const builder = createAgentWriteDatasetBuilder({
        model,
        instructions: abs(options.instructions),
        out: abs(options.out),
        ...(options.runDir !== undefined && { runDir: abs(options.runDir) }),
        name: options.name,
        concurrency: options.concurrency,
        ...(options.documents !== undefined && { documents: options.documents }),
        ...(options.rpm !== undefined && { requestsPerMinute: options.rpm }),
        ...(options.tpm !== undefined && { tokensPerMinute: options.tpm }),
        timeoutMs: options.timeout,
        ...(options.defaultWords !== undefined && { defaultWords: options.defaultWords }),
        writer: {
          mode: options.mode,
          contextPolicy: options.context,
          maxControlAttempts: options.maxAttempts,
        },
        ...(options.minWords !== undefined && { minWords: options.minWords }),
        ...(options.maxWords !== undefined && { maxWords: options.maxWords }),
        minLengthScore: options.minLengthScore,
        dedup: options.dedup,
        decontaminate: (options.decontaminate ?? []).map(abs),
        ...(options.formats && { formats: options.formats }),
        ...(options.system !== undefined && { system: options.system }),
        card: {
          ...(options.title !== undefined && { title: options.title }),
          ...(options.license !== undefined && { license: options.license }),
        },
      });

      const progress = context.progress(globals);
      let total = 0;
      let done = 0;
      let kept = 0;
      let dropped = 0;
      let failed = 0;
      let words = 0;
      const usage = createUsageMeter(model.modelId);
      const details = () =>
        [
          `kept ${kept} · dropped ${dropped} · failed ${failed}`,
          `${words.toLocaleString('en-US')} words`,
          ...usage.details(),
        ].join(' · ');
      const where = (line: number, id: string) => `line ${line} (${id})`;
      const onEvent = (event: AgentWriteDatasetEvent) => {
        switch (event.type) {
          case 'dataset-start':
            total = event.todo;
            progress.log(
              `${event.instructions} instructions: ${event.skipped} already in the dataset, ${event.todo} to write` +
                ` · run folder ${event.runDir}${event.resumedRun ? ' (resumed)' : ''}`,
            );
            progress.start({ label: 'dataset', total: Math.max(total, 1), unit: 'documents' });
            break;
          case 'document-start':
            if (event.target.source === 'default') {
              progress.log(
                `${where(event.line, event.id)}: no length in the row or the prompt; using --default-words ${event.target.words}`,
              );
            }
            break;
          case 'writer':
            if (event.event.type === 'section-attempt') {
              usage.add(event.event.attempt.usage);
              progress.update(done, details());
            }
            break;
          case 'document-done': {
            done++;
            words += event.words;
            if (event.added.kept) kept++;
            else dropped++;
            const verdict = event.added.kept ? 'kept' : `dropped (${event.added.reason})`;
            progress.log(
              `[${done}/${total}] ${where(event.line, event.id)}: ${event.words}/${event.target} ${event.unit} · S_l ${event.lengthScore.toFixed(1)} · ${verdict}` +
                (event.journalHits > 0 ? ` · ${event.journalHits} steps resumed` : ''),
            );
            progress.update(done, details());
            break;
          }
          case 'document-failed':
            done++;
            failed++;
            context.warn(
              `${where(event.line, event.id)} failed (${event.reason}): ${event.message}`,
            );
            progress.update(done, details());
            break;
          default:
            break;
        }
      };

      try {
        const result = await builder.build({ signal: context.io.signal, onEvent });
        const { counts, files } = result.summary;
        progress.finish(
          `done: ${counts.kept} kept, ${counts.dropped} dropped, ${counts.failed} failed of ${counts.input ?? result.instructions} instructions · ${result.modelCalls} calls (+${result.journalHits} resumed)`,
        );
        context.result(
          globals,
          {
            ...result.summary,
            runDir: result.runDir,
            session: {
              skipped: result.skipped,
              written: result.written,
              failed: result.failed,
              modelCalls: result.modelCalls,
              journalHits: result.journalHits,
              usage: result.usage,
              costUsd: estimateCost(model.modelId, result.usage) ?? null,
            },
          },
          () =>
            [
              `dataset in ${result.summary.dir}: ${counts.kept} samples kept, ${counts.dropped} dropped, ${counts.failed} failed`,
              ...Object.entries(files).map(([format, path]) => `  ${format}: ${path}`),
            ].join('\n'),
        );
      } catch (error) {
        progress.finish();
        throw error;
      }
    });
}
