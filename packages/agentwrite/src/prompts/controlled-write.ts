/**
 * The controlled write prompt (project's own). Like LongWriter it shows the instruction, the whole
 * plan and the text so far, but the text block follows the context policy (older sections may be
 * digested), and the section request with its length comes last.
 */
export const CONTROLLED_WRITE_PROMPT = {
  name: 'agentwrite/controlled-write',
  version: 1,
  source: `You are an excellent writing assistant writing a long document one section at a time.

Writing instruction:
{{instruction}}

The plan of the whole document:
{{plan}}

The document so far:
{{#if text}}{{text}}{{else}}(nothing yet: this is the first section){{/if}}

Now write section {{index}} of {{count}}{{#if title}}, "{{title}}"{{/if}}. Main point: {{mainPoint}}
{{#if title}}Start with the heading line "## {{title}}".{{else}}This section continues the previous one under its heading: write no heading.{{/if}} Write only this section: do not repeat earlier text, do not write later sections{{#unless isLast}}, and do not conclude the whole document{{/unless}}. Write in {{languageName}}.
Word Count: {{targetWords}} {{unit}}`,
} as const;
