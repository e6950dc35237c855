import type { Node } from 'mdast';

// Helpers for editing the original Markdown by node offsets, so user text is never re-printed.

export function startOffset(node: Node): number {
  const offset = node.position?.start.offset;
  if (offset === undefined) throw new Error('Markdown node without a source position');
  return offset;
}

export function endOffset(node: Node): number {
  const offset = node.position?.end.offset;
  if (offset === undefined) throw new Error('Markdown node without a source position');
  return offset;
}

/** Offset of the first character of the line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break ending the line that contains `offset` (or the text length). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** Drops blank lines at the start and all whitespace at the end, keeping first-line indentation. */
export function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits given in any order. */
export function applyEdits(source: string, edits: Edit[]): string {
  let result = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/**
 * An edit removing the whole lines spanned by `[start, end)`, plus one following blank line when
 * the removed lines are preceded by a blank line (or the start), so no double blank line is left.
 */
export function removeLinesEdit(text: string, start: number, end: number): Edit {
  const from = lineStart(text, start);
  let to = nextLineStart(text, end);
  const blankBefore =
    from === 0 || /^[ \t]*\r?\n$/.test(text.slice(lineStart(text, from - 1), from));
  const following = /^[ \t]*(?:\r?\n|$)/.exec(text.slice(to, nextLineStart(text, to)));
  if (blankBefore && following !== null) to += following[0].length;
  return { start: from, end: to, text: '' };
}
