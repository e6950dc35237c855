/**
 * Faithful write prompt: upstream's four blocks in order, the whole plan and all text so far, and
 * the current plan line substituted mid-sentence (spec agentwrite.md §1.3), in our own words. The
 * current step comes after the plan and the text, so the last length request a model (or the
 * simulator) sees is this step's.
 */
export const FAITHFUL_WRITE_PROMPT = {
  name: 'agentwrite/faithful-write',
  version: 1,
  source: `You are an excellent writing assistant. You will receive an original writing instruction, the planned writing steps, and the text already written. Your job is to continue with the next paragraph.

Writing instruction:
{{instruction}}

Writing steps:
{{plan}}

Already written text:
{{text}}

Taking the writing instruction, the writing steps and the already written text into account, please now continue writing {{step}}. You may start with a small subtitle if it helps. Output only the new paragraph, without repeating any of the text already written. As this is an ongoing work, omit open-ended conclusions or other rhetorical hooks.`,
} as const;
