/**
 * Faithful plan prompt: upstream's structure, order and quoted phrases (spec agentwrite.md §1.2),
 * worded in our own words. The unit stays "words" even for Chinese instructions, as upstream has it.
 * Version it whenever the text changes: the version is part of every resume key.
 */
export const FAITHFUL_PLAN_PROMPT = {
  name: 'agentwrite/faithful-plan',
  version: 1,
  source: `Please help me split the long-form writing instruction below into several subtasks. Every subtask guides the writing of one paragraph of the text and states that paragraph's main points and its word-count requirement.

The writing instruction:

{{instruction}}

Give the breakdown in the format below, each subtask taking up one line:

Paragraph 1 - Main Point: [Describe the main point of the paragraph, in detail] - Word Count: [Word count requirement, e.g., 400 words]

Paragraph 2 - Main Point: [Describe the main point of the paragraph, in detail] - Word Count: [word count requirement, e.g. 1000 words].

...

Keep every subtask clear and specific, and make the subtasks together cover everything the instruction asks for. Do not split the subtasks too finely; each paragraph should be no less than 200 words and no more than 1000 words. Do not output any other content.`,
} as const;
