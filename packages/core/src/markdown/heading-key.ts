import type { Heading } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';

/**
 * Comparison key of a heading or title: its plain text (no emphasis, links or code markers), NFKC,
 * lower case, with punctuation and whitespace runs collapsed, so `## **Introduction:**` and
 * `Introduction` match.
 */
export function headingKey(heading: Heading | string): string {
  const text = typeof heading === 'string' ? heading : mdastToString(heading);
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
