import {
  countWordsLongWriter,
  generateStep,
  InvalidInputError,
  parseWithSchema,
  type ResolvedModel,
  type Run,
  type Scheduler,
} from '@longform/core';
import { z } from 'zod';
import { JudgeParseError } from '../judge/judge-parse-error';
import {
  aggregateLongBenchWrite,
  type LongBenchWriteReport,
  type QualityOutcome,
} from './aggregate-longbench-write';
import { type GenerationFailure, generateResponses } from './generate-responses';
import type { LongBenchWriteLanguage } from './longbench-write-row';
import { parseQualityJudgement } from './parse-quality-judgement';
import { QUALITY_DIMENSIONS, type QualityScores } from './quality-dimensions';
import { QUALITY_JUDGE_PROMPT_VERSION, qualityJudgeTemplate } from './quality-judge-prompt';
import { writeRunOutputs } from './write-run-outputs';

export const longBenchWriteRunOptionsSchema = z.object({
  /** Upstream pred.py: temperature 0.5, up to 32768 new tokens. */
  generation: z
    .object({
      temperature: z.number().min(0).default(0.5),
      maxOutputTokens: z.number().int().positive().default(32768),
    })
    .default({ temperature: 0.5, maxOutputTokens: 32768 }),
  /** Upstream eval_quality.py: temperature 0.5, 1024 tokens. */
  judge: z
    .object({
      temperature: z.number().min(0).default(0.5),
      maxOutputTokens: z.number().int().positive().default(1024),
      /** Judge samples per item; their scores are averaged per dimension. */
      samples: z.number().int().min(1).default(1),
      /** Extra calls per sample when the answer cannot be parsed (upstream tries 5 times in all). */
      retries: z.number().int().min(0).default(2),
      parseMode: z.enum(['hardened', 'upstream']).default('hardened'),
    })
    .default({
      temperature: 0.5,
      maxOutputTokens: 1024,
      samples: 1,
      retries: 2,
      parseMode: 'hardened',
    }),
});

export type LongBenchWriteRunOptions = z.input<typeof longBenchWriteRunOptionsSchema>;

export type LongBenchWriteRunItem = {
  prompt: string;
  type?: string;
  length: number;
  language?: LongBenchWriteLanguage;
  /** A prediction to score instead of generating one. */
  response?: string;
};

export type LongBenchWritePrediction = {
  index: number;
  prompt: string;
  type?: string;
  length: number;
  language?: LongBenchWriteLanguage;
  /** Counted with `countWordsLongWriter` (upstream's `response_length`). */
  response_length: number;
  response: string;
  finishReason?: string;
};

export type LongBenchWriteJudgement = {
  index: number;
  status: 'ok' | 'failed';
  /** Per dimension; the mean over the successful samples. */
  scores?: QualityScores;
  samples: Array<{ sample: number; attempts: number; scores?: QualityScores; error?: string }>;
};

export type LongBenchWriteRunResult = {
  report: LongBenchWriteReport;
  predictions: LongBenchWritePrediction[];
  judgements: LongBenchWriteJudgement[];
  /** Items whose generation failed; reported, left out of the scores. */
  generationFailures: GenerationFailure[];
  judge?: {
    model: string;
    promptVersion: string;
    parseMode: 'hardened' | 'upstream';
    samples: number;
  };
  /** Files written in the run folder. */
  files: string[];
};

/**
 * Runs LongBench-Write: generates each prompt with `model` (or scores the given `response`s),
 * computes S_l per item and bucket, asks `judgeModel` for the six quality scores (S_q), and combines them
 * into S. Every call goes through `generateStep`, so the run resumes from its journal. Judge
 * failures are counted in the report; generation failures are listed and left out of the scores.
 * Writes `predictions.jsonl`, `judgements.jsonl` and `report.json` into the run folder atomically.
 */
export async function runLongBenchWrite({
  run,
  scheduler,
  items,
  model,
  judgeModel,
  signal,
  onProgress,
  ...rest
}: LongBenchWriteRunOptions & {
  run: Run;
  scheduler: Scheduler;
  items: readonly LongBenchWriteRunItem[];
  model?: ResolvedModel;
  /** The S_q judge; leave out to report S_l only. */
  judgeModel?: ResolvedModel;
  signal?: AbortSignal;
  onProgress?: (event: { stage: 'generate' | 'judge'; done: number; total: number }) => void;
}): Promise<LongBenchWriteRunResult> {
  const options = parseWithSchema(longBenchWriteRunOptionsSchema, rest);
  if (items.length === 0)
    throw new InvalidInputError({ message: 'no LongBench-Write items to run' });
  const { responses, failures: generationFailures } = await generateResponses({
    run,
    scheduler,
    ...(model ? { model } : {}),
    stage: 'longbench-write.generate',
    items,
    params: options.generation,
    ...(signal ? { signal } : {}),
    onProgress: (done, total) => onProgress?.({ stage: 'generate', done, total }),
  });

  const predictions: LongBenchWritePrediction[] = [];
  items.forEach((item, index) => {
    const response = responses[index];
    if (!response) return;
    predictions.push({
      index,
      prompt: item.prompt,
      ...(item.type !== undefined ? { type: item.type } : {}),
      length: item.length,
      ...(item.language !== undefined ? { language: item.language } : {}),
      response_length: countWordsLongWriter(response.text),
      response: response.text,
      ...(response.finishReason !== undefined ? { finishReason: response.finishReason } : {}),
    });
  });

  // Judging.
  const judgements: LongBenchWriteJudgement[] = [];
  if (judgeModel) {
    const template = qualityJudgeTemplate;
    const judgeSample = async (
      prompt: string,
      index: number,
      sample: number,
    ): Promise<LongBenchWriteJudgement['samples'][number]> => {
      let lastError = '';
      for (let attempt = 0; attempt <= options.judge.retries; attempt++) {
        try {
          const result = await generateStep({
            run,
            scheduler,
            model: judgeModel,
            stage: 'longbench-write.judge',
            step: index,
            prompt,
            params: {
              temperature: options.judge.temperature,
              maxOutputTokens: options.judge.maxOutputTokens,
            },
            attempt,
            keyParts: { template: template.hash, sample },
            ...(signal ? { signal } : {}),
          });
          const { scores } = parseQualityJudgement(result.text, { mode: options.judge.parseMode });
          return { sample, attempts: attempt + 1, scores };
        } catch (error) {
          if (signal?.aborted) throw error;
          lastError = JudgeParseError.isInstance(error)
            ? error.message
            : `judge call failed: ${(error as Error)?.message ?? String(error)}`;
        }
      }
      return { sample, attempts: options.judge.retries + 1, error: lastError };
    };
    let judged = 0;
    const results = await Promise.all(
      predictions.map(async prediction => {
        const prompt = template.render({
          instruction: prediction.prompt,
          response: prediction.response,
        });
        const samples: LongBenchWriteJudgement['samples'] = [];
        for (let sample = 0; sample < options.judge.samples; sample++) {
          samples.push(await judgeSample(prompt, prediction.index, sample));
        }
        onProgress?.({ stage: 'judge', done: ++judged, total: predictions.length });
        const ok = samples.filter(s => s.scores !== undefined).map(s => s.scores!);
        const judgement: LongBenchWriteJudgement =
          ok.length === 0
            ? { index: prediction.index, status: 'failed', samples }
            : { index: prediction.index, status: 'ok', scores: meanScores(ok), samples };
        return judgement;
      }),
    );
    judgements.push(...results);
  }

  const byIndex = new Map(judgements.map(j => [j.index, j]));
  const report = aggregateLongBenchWrite(
    predictions.map(prediction => {
      const judgement = byIndex.get(prediction.index);
      const quality: QualityOutcome | undefined = judgement
        ? judgement.status === 'ok'
          ? { status: 'ok', scores: judgement.scores! }
          : { status: 'failed', reason: judgement.samples.at(-1)?.error ?? 'judge failed' }
        : undefined;
      return {
        length: prediction.length,
        response: prediction.response,
        ...(prediction.language !== undefined ? { language: prediction.language } : {}),
        ...(quality ? { quality } : {}),
      };
    }),
  );

  // The report numbers items by position among the predictions; give them their input index back.
  report.items.forEach((item, i) => {
    item.index = predictions[i]!.index;
  });

  const judgeInfo = judgeModel
    ? {
        model: judgeModel.spec,
        promptVersion: QUALITY_JUDGE_PROMPT_VERSION,
        parseMode: options.judge.parseMode,
        samples: options.judge.samples,
      }
    : undefined;
  const files = await writeRunOutputs(run, {
    jsonl: {
      'predictions.jsonl': predictions,
      ...(judgeModel ? { 'judgements.jsonl': judgements } : {}),
    },
    report: {
      ...(model ? { model: model.spec } : {}),
      judge: judgeInfo,
      generationFailures,
      report,
    },
  });
  return {
    report,
    predictions,
    judgements,
    generationFailures,
    ...(judgeInfo ? { judge: judgeInfo } : {}),
    files,
  };
}

function meanScores(samples: readonly QualityScores[]): QualityScores {
  const mean = {} as QualityScores;
  for (const key of QUALITY_DIMENSIONS) {
    let sum = 0;
    for (const s of samples) sum += s[key];
    mean[key] = sum / samples.length;
  }
  return mean;
}
