/**
 * The controlled plan prompt (project's own). It states the bounds and the exact total, asks for a
 * short title per section, and ends with the total so the last length request in the prompt is the
 * document's. The same text serves structured output (the schema then fixes the shape) and the
 * line format (parsed by `parsePlanText`).
 */
export const CONTROLLED_PLAN_PROMPT = {
  name: 'agentwrite/controlled-plan',
  version: 1,
  source: `You are planning a long piece of writing that will be written section by section.

Writing instruction:
{{instruction}}

Split the work into sections in reading order. For each section give a short title (a heading, without numbering), its main point described in detail, and a word count. Cover everything the instruction asks for, do not split too finely, and keep every section between {{minWords}} and {{maxWords}} {{unit}}. Only the last section may conclude. Write the titles and main points in {{languageName}}.
{{#if lineFormat}}
Output one line per section and nothing else, in exactly this format:
Paragraph 1 - Title: <title> - Main Point: <main point> - Word Count: <number> {{unit}}
{{/if}}
The word counts of all sections must add up to exactly {{targetWords}} {{unit}}.`,
} as const;
