import {
  headingKey,
  joinSections,
  normalizeHeadings,
  parseMarkdown,
  removeDuplicateHeadings,
  stripLeadingHeading,
} from '@longform/core';

/** The comparison key of a section's leading heading, if the section starts with one. */
function leadingHeadingKey(section: string): string | undefined {
  const first = parseMarkdown(section).children[0];
  return first?.type === 'heading' ? headingKey(first) : undefined;
}

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
  if (options.title) seen.add(headingKey(options.title));
  const parts = sections.map(section => {
    const key = leadingHeadingKey(section);
    if (key === undefined) return section;
    if (seen.has(key)) return stripLeadingHeading(section);
    seen.add(key);
    return section;
  });
  const body = normalizeHeadings(joinSections(parts), { topDepth: 2 });
  const document = options.title ? joinSections([`# ${options.title}`, body]) : body;
  return removeDuplicateHeadings(document);
}
