import { InvalidInputError, parseWithSchema } from '@longform/core';
import { z } from 'zod';
import type { BenchmarkRunArgs } from '../longbench-write/benchmark-run-args';
import { type GenerationFailure, generateResponses } from '../longbench-write/generate-responses';
import { invalidRowError } from '../longbench-write/invalid-row-error';
import { writeRunOutputs } from '../longbench-write/write-run-outputs';
import { resolveLonGenWindow } from './parse-longen-constraint';
import { type LonGenReport, scoreLonGen } from './score-longen';

export const lonGenRunOptionsSchema = z.object({
  /** Self-Lengthen's sampling settings (temperature 0.7, up to 16384 tokens). */
  generation: z
    .object({
      temperature: z.number().min(0).default(0.7),
      topP: z.number().min(0).max(1).default(0.8),
      maxOutputTokens: z.number().int().positive().default(16384),
    })
    .default({ temperature: 0.7, topP: 0.8, maxOutputTokens: 16384 }),
});

export type LonGenRunOptions = z.input<typeof lonGenRunOptionsSchema>;

export type LonGenRunItem = {
  query?: string;
  type: string;
  constraint: string;
  language?: string;
  range?: string;
  /** A response to score instead of generating one. */
  response?: string;
  line?: number;
};

export type LonGenRunResult = {
  report: LonGenReport;
  /** The input rows with their responses (the generated ones included), as written to `predictions.jsonl`. */
  predictions: Array<LonGenRunItem & { index: number; response: string }>;
  generationFailures: GenerationFailure[];
  files: string[];
};

/**
 * Runs LonGen: sends each `query` to `model` (or takes the given `response`), then scores length
 * following per type and Overall with `scoreLonGen`. Constraints are checked before any call, so a
 * bad row fails fast, naming the row. Writes `predictions.jsonl` and `report.json` atomically.
 */
export async function runLonGen({
  run,
  scheduler,
  model,
  items,
  file,
  signal,
  onProgress,
  ...rest
}: LonGenRunOptions & BenchmarkRunArgs<LonGenRunItem>): Promise<LonGenRunResult> {
  const { generation } = parseWithSchema(lonGenRunOptionsSchema, rest);
  if (items.length === 0) throw new InvalidInputError({ message: 'no LonGen items to run', file });
  items.forEach((item, index) => {
    const where = { file, line: item.line, index };
    const window = resolveLonGenWindow(item.type, item.constraint);
    if ('problem' in window) {
      throw invalidRowError({ ...where, message: window.problem, field: window.field });
    }
    if (item.response === undefined && !item.query) {
      throw invalidRowError({ ...where, message: 'needs a query or a response', field: 'query' });
    }
  });
  const { responses, failures } = await generateResponses({
    run,
    scheduler,
    ...(model ? { model } : {}),
    stage: 'longen.generate',
    items: items.map(item => ({
      prompt: item.query ?? '',
      ...(item.response !== undefined ? { response: item.response } : {}),
    })),
    params: generation,
    ...(signal ? { signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const predictions: LonGenRunResult['predictions'] = [];
  items.forEach((item, index) => {
    const response = responses[index];
    if (response) predictions.push({ ...item, index, response: response.text });
  });
  const report = scoreLonGen(predictions, file ? { file } : {});
  report.items.forEach((scored, i) => {
    scored.index = predictions[i]!.index;
  });
  const files = await writeRunOutputs(run, {
    jsonl: { 'predictions.jsonl': predictions },
    report: { ...(model ? { model: model.spec } : {}), generationFailures: failures, report },
  });
  return { report, predictions, generationFailures: failures, files };
}
