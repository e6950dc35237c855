import { createTemplate } from '@longform/core';
import { z } from 'zod';

/**
 * LongBench-Write quality judge prompt, paraphrased from THUDM/LongWriter: evaluation/judge.txt
 * (agentwrite.md §2.6): a strict expert evaluator, six dimensions scored 1–5 with descriptors from 5
 * down to 1, the request and the response in `<User Request>` / `<Response>` blocks padded with blank
 * lines, a brief analysis first, a fixed JSON shape, length ignored, one integer per dimension.
 * User text only ever enters through the `instruction` and `response` variables.
 */
export const QUALITY_JUDGE_TEMPLATE = `You are an expert evaluator of text quality. Evaluate the quality of an AI assistant's response to a user's writing request. Be as strict as possible.

Score the response on the following six dimensions, each from 1 to 5. For each dimension the criteria run from 5 (best) down to 1 (worst):
1. Relevance: from content that is fully relevant and applicable to the user's request, down to content that is irrelevant or inapplicable.
2. Accuracy: from content with no factual errors or misleading information, down to content with many errors that is highly misleading.
3. Coherence: from a clear structure with smooth logical flow, down to a disorganised structure with no coherence.
4. Clarity: from clear language that is rich in detail and easy to follow, down to confusing expression with minimal detail.
5. Breadth and Depth: from content that is both broad and deep and full of information, down to content seriously lacking in breadth and depth.
6. Reading Experience: from an engaging response that is easy to read, down to a boring response that is hard to read.

Evaluate the following response to the user's request according to these criteria.

<User Request>

{{instruction}}

</User Request>

<Response>

{{response}}

</Response>

First give a brief analysis of the response's quality, then score each dimension. Your output must follow this JSON format exactly: {"Analysis": ..., "Relevance": ..., "Accuracy": ..., "Coherence": ..., "Clarity": ..., "Breadth and Depth": ..., "Reading Experience": ...}. Do not take into account whether the response meets the length requirement of the request. Give exactly one integer from 1 to 5 for each dimension.`;

/** Bumped whenever the wording changes, and recorded with every judgement so S_q stays comparable. */
export const QUALITY_JUDGE_PROMPT_VERSION = 'longbench-write-quality/v1';

/** The quality judge template (Handlebars, strict): variables `instruction` and `response`. */
export const qualityJudgeTemplate = createTemplate({
  name: 'longbench-write-quality-judge',
  version: QUALITY_JUDGE_PROMPT_VERSION,
  source: QUALITY_JUDGE_TEMPLATE,
  variables: z.object({ instruction: z.string(), response: z.string() }),
});

/** The judge prompt for one request and response; both are inserted verbatim, never compiled. */
export function renderQualityJudgePrompt(variables: {
  instruction: string;
  response: string;
}): string {
  return qualityJudgeTemplate.render(variables);
}
