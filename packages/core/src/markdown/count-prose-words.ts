import { getLengthCounter, type LengthCounterName } from '../length';
import { toPlainText } from './to-plain-text';

/**
 * Length of the prose of a Markdown document: what a reader reads as text. Counts heading text,
 * paragraphs, list items, quotes, table cells, footnotes and link text. Excludes code blocks
 * (fenced and indented), inline code, URLs (link destinations, autolinks, bare URLs, e-mail
 * literals), raw HTML, footnote markers and image alt text (alt text describes an image, it is not
 * part of the prose a length target asks for). Markup symbols (`#`, `*`, `|`, `-`) never count.
 *
 * `counter` names the counter (default `unicode`); this is a user-facing utility, metrics call their
 * paper's counter directly.
 */
export function countProseWords(markdown: string, counter: LengthCounterName = 'unicode'): number {
  const { count } = getLengthCounter(counter);
  return count(toPlainText(markdown, { code: false, urls: false, imageAlt: false, html: false }));
}
