import { type MarkdownBlock, parseMarkdown, splitBlocks } from '@longform/core';

export type Counter = (text: string) => number;

export interface TrimResult {
  text: string;
  count: number;
  /** Where the cut was made: between two top-level blocks, or at a sentence end in a paragraph. */
  boundary: 'paragraph' | 'sentence';
}

// A sentence end in English or Chinese (with a closing bracket or quote). A Latin stop only ends a
// sentence before whitespace; a Chinese one ends it wherever it stands.
const SENTENCE_END = /(?:[.!?…][)"'”’」』]?(?=\s)|[。！？][)"'”’」』]?)/gu;

/** Relative distance of a count from the target on a log scale (symmetric for 0.5× and 2×). */
const distance = (count: number, target: number) =>
  count <= 0 ? Number.POSITIVE_INFINITY : Math.abs(Math.log(count / target));

/**
 * Cuts an over-long section back towards `target` between two top-level Markdown blocks (parsed
 * with remark, so never inside a code block, list or table), keeping the prefix whose length is
 * closest to the target; inside a single over-long paragraph it falls back to a sentence boundary
 * outside inline code, links and emphasis. A prefix is never only headings. Returns undefined when
 * no cut gets closer than the text as it is. Dropping trailing blocks also removes the premature
 * wrap-ups models like to end sections with.
 */
export function trimToLength(text: string, target: number, count: Counter): TrimResult | undefined {
  const blocks = splitBlocks(text);
  const titles = blocks.map(isTitle);
  let best: TrimResult | undefined;
  let bestDistance = distance(count(text), target);
  const consider = (candidate: string, boundary: TrimResult['boundary']) => {
    const c = count(candidate);
    const d = distance(c, target);
    if (d < bestDistance) {
      best = { text: candidate, count: c, boundary };
      bestDistance = d;
    }
  };

  for (let n = 1; n < blocks.length; n++) {
    if (titles.slice(0, n).every(Boolean)) continue;
    consider(join(blocks.slice(0, n)), 'paragraph');
  }

  // Cut inside the block that crosses the target when whole blocks are too coarse; only a
  // paragraph can be cut (a list, code block or table is kept or dropped whole).
  let before = 0;
  for (let p = 0; p < blocks.length; p++) {
    const block = blocks[p]!;
    const here = count(block.markdown);
    if (before + here >= target && !titles[p]) {
      if (block.type === 'paragraph') {
        const head = join(blocks.slice(0, p));
        for (const cut of sentenceCuts(block.markdown)) {
          consider(`${head ? `${head}\n\n` : ''}${block.markdown.slice(0, cut)}`, 'sentence');
        }
      }
      break;
    }
    before += here;
  }
  return best;
}

const join = (blocks: MarkdownBlock[]) => blocks.map(block => block.markdown).join('\n\n');

/** A heading, or a paragraph that is only bold text (a title the model wrote without `#`). */
function isTitle(block: MarkdownBlock): boolean {
  if (block.type === 'heading') return true;
  if (block.type !== 'paragraph') return false;
  const paragraph = parseMarkdown(block.markdown).children[0];
  return (
    paragraph?.type === 'paragraph' &&
    paragraph.children.length === 1 &&
    paragraph.children[0]!.type === 'strong'
  );
}

/**
 * Offsets just past each sentence end inside a paragraph's source, skipping ends that fall inside
 * inline code, links, emphasis or HTML (cutting there would leave broken Markdown) and the
 * paragraph's own end.
 */
function sentenceCuts(markdown: string): number[] {
  const paragraph = parseMarkdown(markdown).children[0];
  if (paragraph?.type !== 'paragraph') return [];
  const inline = paragraph.children
    .filter(node => node.type !== 'text')
    .map(node => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] as const);
  const end = markdown.trimEnd().length;
  const cuts: number[] = [];
  for (const match of markdown.matchAll(SENTENCE_END)) {
    const cut = match.index + match[0].length;
    if (cut >= end) continue;
    if (inline.some(([start, stop]) => start < cut && cut < stop)) continue;
    cuts.push(cut);
  }
  return cuts;
}
