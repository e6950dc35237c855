import { countWordsLongWriter, countWordsUnicode, estimateCost } from '@longform/core';
import { streamText } from 'ai';
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../cli-context';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

/**
 * One direct model call, streamed to stdout: the "ask the model directly" baseline that AgentWrite is
 * compared with, and the quickest way to check that a model configuration works.
 */
export function registerGenerateCommand(program: Command, context: CliContext): void {
  program
    .command('generate')
    .description('ask the model once and stream its answer to stdout (the single-call baseline)')
    .argument('<prompt>', 'the prompt, e.g. "Write a 2000-word essay on tides"')
    .option('--max-tokens <n>', 'maximum output tokens', positiveInteger)
    .option('--temperature <t>', 'sampling temperature', Number.parseFloat)
    .option('--seed <n>', 'sampling seed', positiveInteger)
    .action(async (prompt: string, options: GenerateOptions, command: Command) => {
      const globals = context.globals(command);
      const { model } = await context.resolveModel(globals);
      const started = Date.now();
      const result = streamText({
        model: model.languageModel,
        prompt,
        maxOutputTokens: options.maxTokens,
        temperature: options.temperature,
        seed: options.seed,
        abortSignal: context.io.signal,
        maxRetries: 2,
      });
      let text = '';
      for await (const delta of result.textStream) {
        text += delta;
        if (!globals.json) context.io.stdout.write(delta);
      }
      const usage = await result.usage;
      const finishReason = await result.finishReason;
      const summary = {
        model: model.spec,
        finishReason,
        lengths: { longwriter: countWordsLongWriter(text), unicode: countWordsUnicode(text) },
        usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens },
        costUsd: estimateCost(model.modelId, usage),
        durationMs: Date.now() - started,
      };
      if (globals.json) {
        context.result(globals, { ...summary, text }, () => '');
      } else {
        if (!text.endsWith('\n')) context.io.stdout.write('\n');
        if (!globals.quiet) {
          context.info(
            `${summary.lengths.longwriter} words (LongWriter counter), ${summary.usage.outputTokens ?? '?'} output tokens, ` +
              `finish: ${finishReason}, ${(summary.durationMs / 1000).toFixed(1)} s`,
          );
        }
      }
    });
}

interface GenerateOptions {
  maxTokens?: number;
  temperature?: number;
  seed?: number;
}
