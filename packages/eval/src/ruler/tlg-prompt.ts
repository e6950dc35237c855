import type { MltTarget } from './mlt-scheme';

/**
 * The TLG baseline prompt (Geaming2002/Ruler: src/utils/templates.py): the instruction, a newline, then
 * "The response should have a word count of {T} words." with `>` spelled "more than ".
 */
export function tlgPrompt(instruction: string, target: MltTarget): string {
  return `${instruction}\nThe response should have a word count of ${target.replace('>', 'more than ')} words.`;
}
