import { readFile } from 'node:fs/promises';
import { headingKey, InvalidInputError, parseMarkdown, writeFileAtomic } from '@longform/core';
import { parsePlanLine } from './parse-plan-line';
import { type PlanFile, type PlanSection, planFileSchema } from './plan-schema';

export type PlanFileFormat = 'markdown' | 'json';

const MARKER = '<!-- longform plan v1: edit freely; one "Paragraph N - ..." line per section -->';

/** `.json` files are JSON, everything else the editable Markdown form. */
export function planFileFormat(path: string): PlanFileFormat {
  return path.toLowerCase().endsWith('.json') ? 'json' : 'markdown';
}

function formatSection(section: PlanSection, index: number, unit: PlanFile['unit']): string {
  const title = section.title ? ` - Title: ${section.title}` : '';
  const mainPoint = section.mainPoint.replace(/\s*\n\s*/g, ' ');
  const count = unit === '字' ? `${section.targetWords}字` : `${section.targetWords} words`;
  return `Paragraph ${index + 1}${title} - Main Point: ${mainPoint} - Word Count: ${count}`;
}

/**
 * Renders a plan file. The Markdown form keeps the instruction in a fence (longer than any tilde
 * run inside it, so no instruction can close it early) and one LongWriter-style line per section.
 */
export function formatPlanFile(planFile: PlanFile, format: PlanFileFormat): string {
  if (format === 'json') return `${JSON.stringify(planFile, null, 2)}\n`;
  const longestRun = Math.max(0, ...(planFile.instruction.match(/~+/g) ?? []).map(r => r.length));
  const fence = '~'.repeat(Math.max(3, longestRun + 1));
  return [
    MARKER,
    '',
    '# Instruction',
    '',
    `${fence}text`,
    planFile.instruction,
    fence,
    '',
    '# Target',
    '',
    `${planFile.targetWords} ${planFile.unit}`,
    '',
    '# Sections',
    '',
    ...planFile.sections.map((s, i) => formatSection(s, i, planFile.unit)),
    '',
  ].join('\n');
}

type MarkdownRoot = ReturnType<typeof parseMarkdown>;
type Block = MarkdownRoot['children'][number];
type ListItem = Extract<Block, { type: 'list' }>['children'][number];
type Part = 'instruction' | 'target' | 'sections';

const PARTS: readonly Part[] = ['instruction', 'target', 'sections'];
const SECTION_LINE_EXPECTED = '"Paragraph N - Main Point: ... - Word Count: N words"';

interface SourceNode {
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
}

/** Line numbers and source text come from remark's positions, which every parsed node carries. */
function startLine(node: SourceNode): number {
  return node.position?.start.line ?? 1;
}

function sourceOf(node: SourceNode, text: string): string {
  return text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? text.length);
}

/** The block's first source line, to quote in an error without dumping a whole list or quote. */
function firstLineOf(node: SourceNode, text: string): string {
  return sourceOf(node, text).split('\n')[0]!.trim().slice(0, 80);
}

interface TextNode {
  type: string;
  value?: unknown;
  children?: TextNode[];
}

function plainText(node: TextNode): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

const BLOCK_NAMES: Partial<Record<Block['type'], string>> = {
  heading: 'a heading',
  code: 'a code block',
  blockquote: 'a quote',
  table: 'a table',
  thematicBreak: 'a rule',
  html: 'HTML',
  definition: 'a link definition',
};

function describeBlock(node: Block): string {
  return BLOCK_NAMES[node.type] ?? node.type;
}

function isComment(node: Block): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

/**
 * micromark lets an unclosed fence run to the end of the document, which would swallow the other
 * parts; a fence is closed only when its last source line is a run of the same character at least
 * as long as the opening one.
 */
function isClosedFence(source: string): boolean {
  const lines = source.trimEnd().split('\n');
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0]!);
  if (!open) return true; // indented code has no fence to close
  const close = lines.length > 1 ? /^ {0,3}(`+|~+)[ \t]*$/.exec(lines.at(-1)!) : null;
  return close !== null && close[1]![0] === open[1]![0] && close[1]!.length >= open[1]!.length;
}

function parseMarkdownPlan(source: string, file: string): unknown {
  // One line break style keeps the instruction byte-stable across editors; line numbers are
  // unchanged because every CRLF or CR becomes exactly one LF. A BOM is dropped so node offsets
  // index this text (micromark skips it when counting).
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let part: Part | undefined;
  let instruction: string | undefined;
  let target: { targetWords: number; unit: PlanFile['unit'] } | undefined;
  const sections: PlanSection[] = [];

  const invalid = (line: number, message: string) => new InvalidInputError({ file, line, message });

  // Section lines are read from the source, not from the parsed inline text, so a main point keeps
  // its Markdown exactly as written (and as formatPlanFile wrote it).
  const addSectionLines = (node: Extract<Block, { type: 'paragraph' }>) => {
    const lines = sourceOf(node, text).split('\n');
    for (const [offset, line] of lines.entries()) {
      const parsed = parsePlanLine(line);
      if (!parsed) {
        throw invalid(
          startLine(node) + offset,
          `not a section line; expected ${SECTION_LINE_EXPECTED}, got "${line.trim().slice(0, 80)}"`,
        );
      }
      sections.push({
        ...(parsed.title ? { title: parsed.title } : {}),
        mainPoint: parsed.mainPoint,
        targetWords: parsed.targetWords,
      });
    }
  };

  const addSectionBlock = (node: Block | ListItem) => {
    if (node.type === 'paragraph') addSectionLines(node);
    else if (node.type === 'list') for (const item of node.children) addSectionBlock(item);
    else if (node.type === 'listItem') for (const child of node.children) addSectionBlock(child);
    else if (!isComment(node)) {
      throw invalid(
        startLine(node),
        `not a section line; expected ${SECTION_LINE_EXPECTED}, got ${describeBlock(node)} "${firstLineOf(node, text)}"`,
      );
    }
  };

  for (const node of parseMarkdown(text).children) {
    if (isComment(node)) continue;
    if (node.type === 'heading' && node.depth === 1) {
      const key = headingKey(node);
      part = PARTS.find(p => p === key);
      if (!part) {
        throw invalid(
          startLine(node),
          `unknown part "${plainText(node).trim()}"; expected "# Instruction", "# Target" or "# Sections"`,
        );
      }
      continue;
    }
    if (part === undefined) {
      throw invalid(
        startLine(node),
        'text outside the "# Instruction", "# Target" and "# Sections" parts',
      );
    } else if (part === 'instruction') {
      if (instruction !== undefined) {
        throw invalid(
          startLine(node),
          'text after the instruction fence, before the next part heading',
        );
      }
      if (node.type !== 'code') {
        throw invalid(startLine(node), 'the instruction must be in a ~~~ fence');
      }
      if (!isClosedFence(sourceOf(node, text))) {
        throw invalid(startLine(node), 'the instruction fence is never closed');
      }
      instruction = node.value;
    } else if (part === 'target') {
      const got = node.type === 'paragraph' ? plainText(node).trim() : firstLineOf(node, text);
      const m = node.type === 'paragraph' ? /^(\d[\d,]*)\s*(words?|字)$/i.exec(got) : null;
      if (!m) {
        throw invalid(
          startLine(node),
          `expected a target like "10000 words" or "3000 字", got "${got.slice(0, 80)}"`,
        );
      }
      if (target !== undefined) throw invalid(startLine(node), 'a second target; the plan has one');
      target = {
        targetWords: Number(m[1]!.replace(/,/g, '')),
        unit: m[2] === '字' ? '字' : 'words',
      };
    } else {
      addSectionBlock(node);
    }
  }
  if (instruction === undefined) {
    throw new InvalidInputError({ file, message: 'no "# Instruction" part' });
  }
  if (sections.length === 0) throw new InvalidInputError({ file, message: 'no section lines' });
  const total = sections.reduce((n, s) => n + s.targetWords, 0);
  return {
    version: 1,
    instruction,
    targetWords: target?.targetWords ?? total,
    unit: target?.unit ?? 'words',
    sections,
  };
}

/** Parses a plan file's text. Errors name the file, and the line or field at fault. */
export function parsePlanFile(text: string, file: string, format = planFileFormat(file)): PlanFile {
  let raw: unknown;
  if (format === 'json') {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new InvalidInputError({
        file,
        message: `not valid JSON: ${(error as Error).message}`,
        cause: error,
      });
    }
  } else {
    raw = parseMarkdownPlan(text, file);
  }
  const result = planFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidInputError({ file, field: issue.path.join('.'), message: issue.message });
  }
  return result.data;
}

export async function readPlanFile(path: string): Promise<PlanFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError({
      file: path,
      message: `cannot read the plan file: ${(error as Error).message}`,
      cause: error,
    });
  }
  return parsePlanFile(text, path);
}

/** Writes a plan file atomically, as Markdown or JSON after its extension. */
export async function writePlanFile(path: string, planFile: PlanFile): Promise<void> {
  await writeFileAtomic(path, formatPlanFile(planFileSchema.parse(planFile), planFileFormat(path)));
}
