import type { Link, Nodes } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { z } from 'zod';
import { parseOptions } from './markdown-options';
import { parseMarkdown } from './parse-markdown';

export const plainTextOptionsSchema = z.object({
  /** Keep fenced/indented code blocks and inline code. Default true. */
  code: z.boolean().default(true),
  /** Keep URLs shown as text: autolinks (`<https://…>`), bare URLs and e-mail addresses. Default true. */
  urls: z.boolean().default(true),
  /** Keep image alt text. Default true. */
  imageAlt: z.boolean().default(true),
  /** Keep raw HTML (tags and comments). Default false. */
  html: z.boolean().default(false),
});
export type PlainTextOptions = z.input<typeof plainTextOptionsSchema>;
type Settings = z.output<typeof plainTextOptionsSchema>;

const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);
// A URL left in text that GFM did not turn into a link (e.g. ftp://, or inside emphasis markers).
const URL_IN_TEXT = /\b[a-z][a-z\d+.-]*:\/\/[^\s<>()]+/giu;

/**
 * The text a reader sees, without Markdown syntax: headings, paragraphs, list items and table cells
 * (tab-separated) as plain text, blocks separated by blank lines, link text without destinations,
 * footnote markers and link definitions removed. Options drop code, URLs, image alt text or keep
 * HTML.
 */
export function toPlainText(markdown: string, options?: PlainTextOptions): string {
  const settings = parseOptions(plainTextOptionsSchema, options, 'toPlainText');
  return render(parseMarkdown(markdown), settings)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function render(node: Nodes, settings: Settings): string {
  switch (node.type) {
    case 'text':
      return settings.urls ? node.value : node.value.replace(URL_IN_TEXT, ' ');
    case 'inlineCode':
      return settings.code ? node.value : ' ';
    case 'code':
      return settings.code ? node.value : '';
    case 'html':
      return settings.html ? node.value : ' ';
    case 'image':
    case 'imageReference':
      return settings.imageAlt ? (node.alt ?? '') : ' ';
    case 'break':
      return '\n';
    case 'thematicBreak':
    case 'definition':
    case 'footnoteReference':
    case 'yaml':
      return ' ';
    case 'link':
      return !settings.urls && isUrlShownAsText(node)
        ? ' '
        : renderChildren(node.children, '', settings);
    case 'table':
      return node.children
        .map(row =>
          row.children.map(cell => renderChildren(cell.children, '', settings).trim()).join('\t'),
        )
        .join('\n');
    default:
      if (!('children' in node)) return '';
      return renderChildren(node.children, BLOCK_CONTAINERS.has(node.type) ? '\n\n' : '', settings);
  }
}

function renderChildren(children: Nodes[], separator: string, settings: Settings): string {
  return children.map(child => render(child, settings)).join(separator);
}

/** Autolinks, GFM bare URLs and e-mail literals: the link text is the destination itself. */
function isUrlShownAsText(link: Link): boolean {
  const text = mdastToString(link);
  if (text === link.url) return true;
  const prefix = link.url.slice(0, link.url.length - text.length);
  return link.url.endsWith(text) && /^(?:mailto:|[a-z][a-z\d+.-]*:\/\/)$/i.test(prefix);
}
