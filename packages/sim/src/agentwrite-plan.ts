import { detectRequestedLength, type RequestedLength } from './detect-requested-length';
import { generatePhrase, type ProseLanguage } from './generate-prose';
import type { Rng } from './random';

/**
 * An AgentWrite plan prompt: it mentions "Main Point" and "Word Count", shows a template line
 * (`Main Point: [` / `Main Point: <`) or asks to split the instruction into subtasks/sections, and is
 * not a section-writer prompt (those quote the plan but ask to write or continue one section).
 */
export function isAgentWritePlanPrompt(text: string): boolean {
  return (
    /main\s*point/i.test(text) &&
    /word\s*count/i.test(text) &&
    (/main\s*point\W{0,6}[[<{]/i.test(text) ||
      /\bsub-?tasks?\b|子任务|break\s+(?:it\s+)?down|\bsplit\b|\bdivide\b|拆分|分解/i.test(text)) &&
    !/continue\s+writing|already\s+written|now\s+write|write\s+only\s+this|so\s+far:|已经写|继续写/i.test(
      text,
    )
  );
}

/**
 * The total length a plan prompt asks for. The template's own numbers ("[…, e.g., 400 words]",
 * "no less than 200 words and no more than 1000 words" per paragraph) are removed first, so only
 * the instruction's request is left.
 */
export function detectPlanTotal(text: string): RequestedLength | undefined {
  const stripped = text
    .replaceAll(/\[(?!MLT:)[^\]\n]*\]/g, ' ')
    .replaceAll(
      /no\s+less\s+than\s+[\d,]+\s+words?\s+and\s+no\s+more\s+than\s+[\d,]+\s+words?/gi,
      ' ',
    )
    .replaceAll(/\b(?:each|every)\s+(?:paragraph|section|subtask)[^.\n]*/gi, ' ')
    .replaceAll(/每(?:一)?(?:段|个段落|部分|个子任务)[^。\n]*/g, ' ');
  return detectRequestedLength(stripped);
}

/**
 * Splits `total` into section targets, each within [min, max] when `total` allows it, summing to
 * `total` exactly. Targets are multiples of 50 (or 10) when `total` is.
 */
export function splitPlanTargets(
  total: number,
  rng: Rng,
  { min = 200, max = 1000 } = {},
): number[] {
  const t = Math.max(1, Math.round(total));
  if (t < min) return [t];
  const quantum = t % 50 === 0 && min % 50 === 0 ? 50 : t % 10 === 0 ? 10 : 1;
  const q = t / quantum;
  const lo = Math.ceil(min / quantum);
  const hi = Math.floor(max / quantum);
  const kMin = Math.max(1, Math.ceil(q / hi));
  const kMax = Math.max(kMin, Math.floor(q / lo));
  const k = Math.min(kMax, Math.max(kMin, Math.round(t / 500)));
  const base = Math.floor(q / k);
  const parts = Array.from({ length: k }, (_, i) => base + (i < q % k ? 1 : 0));
  for (let step = 0; step < 3 * k && k > 1; step++) {
    const i = rng.int(0, k - 1);
    const j = rng.int(0, k - 1);
    const d = rng.int(1, Math.max(1, Math.floor(base * 0.3)));
    if (i !== j && parts[i]! + d <= hi && parts[j]! - d >= lo) {
      parts[i]! += d;
      parts[j]! -= d;
    }
  }
  return parts.map(p => p * quantum);
}

/** A main point for a plan section. */
export function planMainPoint(rng: Rng, language: ProseLanguage): string {
  return generatePhrase(rng, language === 'zh' ? rng.int(10, 20) : rng.int(6, 12), language);
}

/**
 * AgentWrite plan text, one line per section and a blank line between:
 * `Paragraph N - Main Point: … - Word Count: N words`, with `- Title: … ` before the main point when
 * `titles` is set (the project's controlled plan prompt asks for one).
 */
export function formatPlanLines(
  targets: number[],
  rng: Rng,
  language: ProseLanguage,
  { titles = false, unit = 'words' }: { titles?: boolean; unit?: 'words' | '字' } = {},
): string {
  return targets
    .map((n, i) => {
      const title = titles
        ? ` - Title: ${generatePhrase(rng, language === 'zh' ? rng.int(4, 8) : rng.int(2, 4), language)}`
        : '';
      return `Paragraph ${i + 1}${title} - Main Point: ${planMainPoint(rng, language)} - Word Count: ${n} ${unit}`;
    })
    .join('\n\n');
}

/** The formatting options a plan prompt asks for: a title per line, and 字 when its format line uses it. */
export function planLineOptions(text: string): { titles: boolean; unit: 'words' | '字' } {
  return {
    titles: /-\s*Title\s*:/i.test(text),
    unit: /Word\s*Count\s*:[^\n]*字/i.test(text) ? '字' : 'words',
  };
}
