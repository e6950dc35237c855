/**
 * Asks the model to shorten a section that came out far too long and could not be trimmed at a
 * paragraph or sentence boundary. The wanted length comes last.
 */
export const CONTROLLED_CONDENSE_PROMPT = {
  name: 'agentwrite/controlled-condense',
  version: 1,
  source: `You are an excellent editor.

Rewrite the section below more concisely, keeping its heading line, its main point and its best material. Output only the rewritten section. Write in {{languageName}}.

{{section}}

Length of the rewritten section: {{targetWords}} {{unit}}`,
} as const;
