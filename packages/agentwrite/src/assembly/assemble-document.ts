import {
  joinSections,
  normalizeHeadings,
  removeDuplicateHeadings,
  stripLeadingHeading,
} from '@longform/core';

// The same comparison core's heading helpers use: plain text, NFKC, lower case, punctuation folded.
const titleKey = (title: string) =>
  title
    .replace(/[*_`]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export interface AssembleDocumentOptions {
  /** An optional `#` title for the whole document. */
  title?: string;
}

/**
 * Joins cleaned sections into one Markdown document (parsed with remark through `@longform/core`):
 * a section heading that repeats an earlier section's title is dropped (its text stays, under the
 * earlier heading's successor), section headings become `##` under an optional `#` title with
 * inner headings shifted alike, and consecutive duplicate headings are removed.
 */
export function assembleDocument(
  sections: readonly string[],
  options: AssembleDocumentOptions = {},
): string {
  const seen = new Set<string>();
  if (options.title) seen.add(titleKey(options.title));
  const parts = sections.map(section => {
    const heading = /^#{1,6}\s+(.+)$/m.exec(section.split('\n')[0] ?? '');
    if (!heading) return section;
    const key = titleKey(heading[1]!);
    if (seen.has(key)) return stripLeadingHeading(section);
    seen.add(key);
    return section;
  });
  const body = normalizeHeadings(joinSections(parts), { topDepth: 2 });
  const document = options.title ? joinSections([`# ${options.title}`, body]) : body;
  return removeDuplicateHeadings(document);
}
