import { stripQualityTags } from './quality-tag';
import type { Rng } from './random';
import { CHINESE_FILLERS, CHINESE_WORDS, ENGLISH_TITLE_WORDS, ENGLISH_WORDS } from './vocabulary';

export type ProseLanguage = 'en' | 'zh';

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Exactly `n` English words as one sentence body, without the final period. */
function englishWords(rng: Rng, n: number): string[] {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.pick(ENGLISH_WORDS));
  return words;
}

function englishSentence(rng: Rng, n: number): string {
  const words = englishWords(rng, n);
  words[0] = capitalize(words[0]!);
  if (n >= 9 && rng.next() < 0.4) {
    const at = rng.int(3, n - 4);
    words[at] = `${words[at]},`;
  }
  return `${words.join(' ')}.`;
}

/** Splits `n` into sentence lengths in [lo, hi]; a short tail is merged into the previous one. */
function sentenceLengths(rng: Rng, n: number, lo: number, hi: number): number[] {
  const lengths: number[] = [];
  let left = n;
  while (left > 0) {
    const len = Math.min(left, rng.int(lo, hi));
    lengths.push(len);
    left -= len;
  }
  if (lengths.length > 1 && lengths[lengths.length - 1]! < Math.min(lo, 4)) {
    const tail = lengths.pop()!;
    lengths[lengths.length - 1]! += tail;
  }
  return lengths;
}

function englishParagraph(rng: Rng, n: number): string {
  return sentenceLengths(rng, n, 6, 18)
    .map(len => englishSentence(rng, len))
    .join(' ');
}

function chineseRun(rng: Rng, n: number): string {
  let text = '';
  let left = n;
  while (left >= 2) {
    text += rng.pick(CHINESE_WORDS);
    left -= 2;
  }
  if (left === 1) text += rng.pick(CHINESE_FILLERS);
  return text;
}

function chineseSentence(rng: Rng, n: number): string {
  if (n >= 12 && rng.next() < 0.7) {
    const first = rng.int(5, n - 5);
    return `${chineseRun(rng, first)}，${chineseRun(rng, n - first)}。`;
  }
  return `${chineseRun(rng, n)}。`;
}

function chineseParagraph(rng: Rng, n: number): string {
  return sentenceLengths(rng, n, 10, 32)
    .map(len => chineseSentence(rng, len))
    .join('');
}

/**
 * Placeholder Markdown prose with exactly `units` counted units: ASCII letter words for English,
 * ideographs for Chinese. Headings (`##`) and list items are part of the count, so the LongWriter
 * counter, the `\w+` counter and (for English, apart from the `##`/`-` markers) whitespace
 * splitting all give `units`.
 */
export function generateProse({
  rng,
  units,
  language,
}: {
  rng: Rng;
  units: number;
  language: ProseLanguage;
}): string {
  const zh = language === 'zh';
  const blocks: string[] = [];
  let left = Math.max(0, Math.floor(units));
  let previous: 'heading' | 'list' | 'paragraph' | undefined;
  while (left > 0) {
    const roll = rng.next();
    if (previous === 'paragraph' && left >= (zh ? 80 : 50) && roll < 0.12) {
      const size = zh ? rng.int(4, 8) : rng.int(2, 4);
      blocks.push(
        zh
          ? `## ${chineseRun(rng, size)}`
          : `## ${Array.from({ length: size }, () => rng.pick(ENGLISH_TITLE_WORDS)).join(' ')}`,
      );
      left -= size;
      previous = 'heading';
      continue;
    }
    if (previous === 'paragraph' && left >= (zh ? 90 : 40) && roll < 0.22) {
      const items: string[] = [];
      const count = rng.int(3, 5);
      for (let i = 0; i < count && left > 0; i++) {
        const size = Math.min(left, zh ? rng.int(8, 20) : rng.int(4, 10));
        items.push(`- ${zh ? chineseSentence(rng, size) : englishSentence(rng, size)}`);
        left -= size;
      }
      blocks.push(items.join('\n'));
      previous = 'list';
      continue;
    }
    const size = Math.min(left, zh ? rng.int(80, 220) : rng.int(45, 120));
    blocks.push(zh ? chineseParagraph(rng, size) : englishParagraph(rng, size));
    left -= size;
    previous = 'paragraph';
  }
  return blocks.join('\n\n');
}

/** A short phrase of exactly `units` units with no punctuation, for plan main points and JSON strings. */
export function generatePhrase(rng: Rng, units: number, language: ProseLanguage): string {
  if (units <= 0) return '';
  if (language === 'zh') return chineseRun(rng, units);
  const words = englishWords(rng, units);
  words[0] = capitalize(words[0]!);
  return words.join(' ');
}

/**
 * The simulator's own unit count: runs of ASCII letters plus CJK ideographs, after removing quality
 * tags. On text the simulator writes it equals the LongWriter counter; on arbitrary text it does not
 * (it has no word-boundary rule), so use the papers' counters from `@longform/core` for metrics.
 */
export function countSimUnits(text: string): number {
  const body = stripQualityTags(text);
  return (body.match(/[\u4e00-\u9fff]/g) ?? []).length + (body.match(/[A-Za-z]+/g) ?? []).length;
}
