import {
  countWordsLongWriter,
  countWordsUnicode,
  estimateCost,
  type ResolvedModel,
} from '@longform/core';
import type { Instruction, SftSample } from '@longform/datasets';
import { scoreLength } from '@longform/eval';
import type { WriteResult } from '../writer/create-agent-writer';
import type { RowTarget } from './resolve-row-target';

export interface ToAgentWriteSampleInput {
  instruction: Pick<Instruction, 'id' | 'prompt' | 'extra'>;
  target: RowTarget;
  result: Pick<WriteResult, 'document' | 'plan' | 'mode' | 'usage'>;
  model: Pick<ResolvedModel, 'spec' | 'modelId'>;
  /** Where the instruction came from (the input file's base name). */
  source: string;
  system?: string;
}

/**
 * One written document as an SFT sample. Its metadata holds only what the document and its
 * journaled steps determine (no timings, no call-vs-replay counts), so a resumed run exports the
 * same bytes as an uninterrupted one.
 */
export function toAgentWriteSample({
  instruction,
  target,
  result,
  model,
  source,
  system,
}: ToAgentWriteSampleInput): SftSample {
  const longwriter = countWordsLongWriter(result.document);
  const inputTokens = result.usage.reduce((n, u) => n + (u.inputTokens ?? 0), 0);
  const outputTokens = result.usage.reduce((n, u) => n + (u.outputTokens ?? 0), 0);
  const costUsd = estimateCost(model.modelId, { inputTokens, outputTokens });
  return {
    id: instruction.id,
    instruction: instruction.prompt,
    output: result.document,
    ...(system !== undefined && { system }),
    metadata: {
      lengths: { longwriter, unicode: countWordsUnicode(result.document) },
      requiredLength: target.words,
      // S_l of LongBench-Write, on the counter it is defined with.
      lengthScore: scoreLength(target.words, longwriter),
      source,
      method: 'agentwrite',
      model: model.spec,
      mode: result.mode,
      unit: result.plan.unit,
      targetSource: target.source,
      planSections: result.plan.sections.length,
      usage: { calls: result.usage.length, inputTokens, outputTokens },
      ...(costUsd !== undefined && { costUsd }),
      ...(Object.keys(instruction.extra).length > 0 && { input: instruction.extra }),
    },
  };
}
