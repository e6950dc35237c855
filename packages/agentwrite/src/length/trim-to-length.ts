export type Counter = (text: string) => number;

export interface TrimResult {
  text: string;
  count: number;
  /** Where the cut was made. */
  boundary: 'paragraph' | 'sentence';
}

const PARAGRAPH_SPLIT = /\n[ \t]*\n+/;
// Sentence ends in English and Chinese; the lookbehind keeps the punctuation with its sentence.
const SENTENCE_SPLIT = /(?<=[.!?。！？…][)"'”’」』]?)\s+|(?<=[。！？])/u;
const HEADING_ONLY = /^\s*(?:#{1,6}\s+.*|\*\*[^*]+\*\*)\s*$/;

/** Relative distance of a count from the target on a log scale (symmetric for 0.5× and 2×). */
const distance = (count: number, target: number) =>
  count <= 0 ? Number.POSITIVE_INFINITY : Math.abs(Math.log(count / target));

/**
 * Cuts an over-long section back towards `target` at a paragraph boundary, keeping the prefix whose
 * length is closest to the target; inside a single over-long paragraph it falls back to a sentence
 * boundary. A prefix is never only a heading. Returns undefined when no cut gets closer than the
 * text as it is. Dropping trailing paragraphs also removes the premature wrap-ups models like to
 * end sections with.
 */
export function trimToLength(text: string, target: number, count: Counter): TrimResult | undefined {
  const original = count(text);
  const paragraphs = text.trim().split(PARAGRAPH_SPLIT);
  let best: TrimResult | undefined;
  let bestDistance = distance(original, target);
  for (let n = 1; n < paragraphs.length; n++) {
    const prefix = paragraphs.slice(0, n);
    if (prefix.every(p => HEADING_ONLY.test(p))) continue;
    const candidate = prefix.join('\n\n');
    const c = count(candidate);
    const d = distance(c, target);
    if (d < bestDistance) {
      best = { text: candidate, count: c, boundary: 'paragraph' };
      bestDistance = d;
    }
  }
  // Cut inside the paragraph that crosses the target when whole paragraphs are too coarse.
  let before = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const head = paragraphs.slice(0, p).join('\n\n');
    const here = count(paragraphs[p]!);
    if (before + here >= target && !HEADING_ONLY.test(paragraphs[p]!)) {
      const sentences = paragraphs[p]!.split(SENTENCE_SPLIT).filter(s => s.length > 0);
      const joiner = /[\u4e00-\u9fff]/.test(paragraphs[p]!) ? '' : ' ';
      for (let s = 1; s < sentences.length; s++) {
        const candidate = `${head ? `${head}\n\n` : ''}${sentences.slice(0, s).join(joiner)}`;
        const c = count(candidate);
        const d = distance(c, target);
        if (d < bestDistance) {
          best = { text: candidate, count: c, boundary: 'sentence' };
          bestDistance = d;
        }
      }
      break;
    }
    before += here;
  }
  return best;
}
