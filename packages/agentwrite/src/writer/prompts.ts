import { createTemplate } from '@longform/core';
import { z } from 'zod';
import { CONTROLLED_CONDENSE_PROMPT } from '../prompts/controlled-condense';
import { CONTROLLED_CONTINUE_PROMPT } from '../prompts/controlled-continue';
import { CONTROLLED_PLAN_PROMPT } from '../prompts/controlled-plan';
import { CONTROLLED_WRITE_PROMPT } from '../prompts/controlled-write';
import { FAITHFUL_PLAN_PROMPT } from '../prompts/faithful-plan';
import { FAITHFUL_WRITE_PROMPT } from '../prompts/faithful-write';

export interface WriterPrompt<V> {
  /** `name@version#hash`: part of every resume key, so an edited template never replays. */
  readonly id: string;
  render(variables: V): string;
}

const unit = z.enum(['words', '字']);

function define<S extends z.ZodObject>(
  prompt: { name: string; version: number; source: string },
  variables: S,
): WriterPrompt<z.input<S>> {
  // Handlebars substitutes every placeholder in one pass, so an instruction or generated text that
  // happens to contain "{{text}}" or "$TEXT$" is never substituted again (upstream's chained
  // replace does that: spec §1.6).
  const template = createTemplate({ name: prompt.name, source: prompt.source, variables });
  return {
    id: `${prompt.name}@${prompt.version}#${template.hash.slice(0, 12)}`,
    render: vars => template.render(vars),
  };
}

export const prompts = {
  faithfulPlan: define(FAITHFUL_PLAN_PROMPT, z.object({ instruction: z.string() }).loose()),
  faithfulWrite: define(
    FAITHFUL_WRITE_PROMPT,
    z.object({ instruction: z.string(), plan: z.string(), text: z.string(), step: z.string() }),
  ),
  controlledPlan: define(
    CONTROLLED_PLAN_PROMPT,
    z.object({
      instruction: z.string(),
      minWords: z.number(),
      maxWords: z.number(),
      targetWords: z.number(),
      unit,
      languageName: z.string(),
      lineFormat: z.boolean(),
    }),
  ),
  controlledWrite: define(
    CONTROLLED_WRITE_PROMPT,
    z.object({
      instruction: z.string(),
      plan: z.string(),
      text: z.string(),
      index: z.number(),
      count: z.number(),
      title: z.string().optional(),
      mainPoint: z.string(),
      isLast: z.boolean(),
      languageName: z.string(),
      targetWords: z.number(),
      unit,
    }),
  ),
  controlledContinue: define(
    CONTROLLED_CONTINUE_PROMPT,
    z.object({
      instruction: z.string(),
      index: z.number(),
      count: z.number(),
      title: z.string(),
      mainPoint: z.string(),
      section: z.string(),
      isLast: z.boolean(),
      languageName: z.string(),
      moreWords: z.number(),
      unit,
    }),
  ),
  controlledCondense: define(
    CONTROLLED_CONDENSE_PROMPT,
    z.object({ section: z.string(), languageName: z.string(), targetWords: z.number(), unit }),
  ),
};
