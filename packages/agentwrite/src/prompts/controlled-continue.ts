/**
 * Asks the model to extend a section that came out short. The section so far is shown in full and
 * the number of additional units is the last length request in the prompt.
 */
export const CONTROLLED_CONTINUE_PROMPT = {
  name: 'agentwrite/controlled-continue',
  version: 1,
  source: `You are an excellent writing assistant writing a long document one section at a time.

Writing instruction:
{{instruction}}

The section being written is section {{index}} of {{count}}, "{{title}}". Main point: {{mainPoint}}

The section so far:
{{section}}

The section is too short. Continue it exactly where it stops, adding new material on its main point. Output only the continuation: no heading, no repetition of the text above{{#unless isLast}}, no conclusion of the whole document{{/unless}}. Write in {{languageName}}.
Write {{moreWords}} more {{unit}}.`,
} as const;
