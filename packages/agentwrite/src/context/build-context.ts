import { splitBlocks } from '@longform/core';

export type ContextPolicy = 'full' | 'window' | 'auto';

export interface ContextSection {
  title?: string;
  text: string;
}

export interface BuildContextOptions {
  policy: ContextPolicy;
  /** Sections written so far, in order. */
  sections: readonly ContextSection[];
  /** Tokens the text-so-far block may use. Ignored by `full`. */
  budgetTokens: number;
  countTokens: (text: string) => number;
  /** Sections kept verbatim by `window` (and at least by `auto`). */
  recentSections: number;
}

export interface BuiltContext {
  text: string;
  /** 0-based indexes of sections shown verbatim, as digests, or elided. */
  verbatim: number[];
  digested: number[];
  elided: number[];
  tokens: number;
}

const PROSE_BLOCKS = new Set(['paragraph', 'list', 'blockquote']);

const SENTENCE = /[^.!?。！？]+[.!?。！？]+["'”’」』)]*/gu;

/**
 * An extractive digest of a section: its heading, first sentence and last sentence. It needs no
 * model call, so it is deterministic and free, and keeps what a continuation most needs: what the
 * section was about and where it ended.
 */
export function digestSection(section: ContextSection, index: number): string {
  // Prose only: headings are already in the label, and code or tables read badly as sentences.
  const body = splitBlocks(section.text)
    .filter(block => PROSE_BLOCKS.has(block.type))
    .map(block => block.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const sentences = body.match(SENTENCE)?.map(s => s.trim()) ?? [];
  const first = sentences[0] ?? body.slice(0, 200);
  const last = sentences.length > 1 ? sentences.at(-1)! : '';
  const label = section.title ? `Section ${index + 1} "${section.title}"` : `Section ${index + 1}`;
  return `[${label}, condensed] ${first}${last ? ` … ${last}` : ''}`;
}

function render(
  sections: readonly ContextSection[],
  mode: ('verbatim' | 'digest' | 'elided')[],
): string {
  const parts: string[] = [];
  let elidedRun: number[] = [];
  const flush = () => {
    if (elidedRun.length === 0) return;
    const a = elidedRun[0]! + 1;
    const b = elidedRun.at(-1)! + 1;
    parts.push(a === b ? `[Section ${a} omitted]` : `[Sections ${a}–${b} omitted]`);
    elidedRun = [];
  };
  mode.forEach((m, i) => {
    if (m === 'elided') {
      elidedRun.push(i);
      return;
    }
    flush();
    parts.push(m === 'verbatim' ? sections[i]!.text.trim() : digestSection(sections[i]!, i));
  });
  flush();
  return parts.join('\n\n');
}

/**
 * Builds the "text so far" block of a write prompt under a context policy:
 *
 * - `full`: every section verbatim (LongWriter; input grows O(n²) over a document).
 * - `window`: the last `recentSections` verbatim, every older one as a digest.
 * - `auto`: everything verbatim while it fits `budgetTokens`; otherwise the oldest sections are
 *   digested one by one (the last `recentSections` stay verbatim), and if the digests still do not
 *   fit, the oldest digests are elided into one "[Sections a–b omitted]" line.
 */
export function buildContext(options: BuildContextOptions): BuiltContext {
  const { policy, sections, budgetTokens, countTokens, recentSections } = options;
  const n = sections.length;
  const keep = Math.max(1, recentSections);
  const mode: ('verbatim' | 'digest' | 'elided')[] = sections.map((_, i) =>
    policy === 'window' && i < n - keep ? 'digest' : 'verbatim',
  );
  // Token counts are summed per part (each counted once) rather than re-counting the whole block
  // after every change, which would be quadratic in the document length.
  const verbatimTokens = new Map<number, number>();
  const digestTokens = new Map<number, number>();
  const partTokens = (i: number, m: 'verbatim' | 'digest' | 'elided') => {
    if (m === 'elided') return 0;
    const cache = m === 'verbatim' ? verbatimTokens : digestTokens;
    let t = cache.get(i);
    if (t === undefined) {
      t = countTokens(m === 'verbatim' ? sections[i]!.text.trim() : digestSection(sections[i]!, i));
      cache.set(i, t);
    }
    return t;
  };
  const estimate = () =>
    mode.reduce((sum, m, i) => sum + partTokens(i, m), 0) + (mode.includes('elided') ? 12 : 0);
  if (policy === 'auto') {
    for (let i = 0; i < n - keep && estimate() > budgetTokens; i++) mode[i] = 'digest';
    for (let i = 0; i < n - keep && estimate() > budgetTokens; i++) mode[i] = 'elided';
  }
  const text = render(sections, mode);
  const tokens = estimate();
  const pick = (m: string) => mode.flatMap((x, i) => (x === m ? [i] : []));
  return {
    text,
    verbatim: pick('verbatim'),
    digested: pick('digest'),
    elided: pick('elided'),
    tokens,
  };
}
