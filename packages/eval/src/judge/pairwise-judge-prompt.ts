import { createTemplate } from '@longform/core';
import { z } from 'zod';

/**
 * The `alpaca_eval_clf_gpt4_turbo` prompt shape (tatsu-lab/alpaca_eval: src/alpaca_eval/
 * evaluators_configs/alpaca_eval_clf_gpt4_turbo/alpaca_eval_clf.txt), in our words: a system turn
 * asking for the better of several model outputs, then the instruction and the two outputs labelled
 * `"model_identifier": "m"` (shown first) and `"M"`, each with `"output": """…"""`, and a request to
 * answer with one identifier only. User text enters only through variables.
 */
export const PAIRWISE_JUDGE_SYSTEM = `You are an efficient assistant that compares large language models (LLMs) by the quality of their answers to an instruction and picks the best one. Your choices feed a leaderboard that should reflect the answers humans would prefer.`;

export const PAIRWISE_JUDGE_TEMPLATE = `I am building a leaderboard of large language models. Below is an instruction that was given to the models, followed by their outputs. Assess the outputs and select the model whose output a human would judge best.

## Instruction

{
    "instruction": """{{instruction}}""",
}

## Model Outputs

The outputs below are in no particular order. Each one carries the identifier of the model that produced it.

{
    {
        "model_identifier": "m",
        "output": """{{first}}"""
    },
    {
        "model_identifier": "M",
        "output": """{{second}}"""
    }
}

## Task

Judge the outputs on quality and relevance and pick the model with the best one. Reply with that model's identifier only: your reply is read verbatim as the identifier, so it must be exactly one of m or M, with nothing else (no quotes, no spaces, no new lines).

## Best Model Identifier`;

export const PAIRWISE_JUDGE_PROMPT_VERSION = 'alpaca-eval-clf-gpt4-turbo/v1';

/** The pairwise judge template (Handlebars, strict): `instruction`, `first` (shown as m), `second` (M). */
export const pairwiseJudgeTemplate = createTemplate({
  name: 'pairwise-judge',
  version: PAIRWISE_JUDGE_PROMPT_VERSION,
  source: PAIRWISE_JUDGE_TEMPLATE,
  variables: z.object({ instruction: z.string(), first: z.string(), second: z.string() }),
});

/** The user turn of a pairwise judgement, in presented order; the system turn is `PAIRWISE_JUDGE_SYSTEM`. */
export function renderPairwiseJudgePrompt(variables: {
  instruction: string;
  first: string;
  second: string;
}): string {
  return pairwiseJudgeTemplate.render(variables);
}
