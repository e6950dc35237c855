import { readFile } from 'node:fs/promises';
import { InvalidInputError, writeFileAtomic } from '@longform/core';
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

function parseMarkdownPlan(text: string, file: string): unknown {
  const lines = text.split(/\r\n|\r|\n/);
  let instruction: string | undefined;
  let target: { targetWords: number; unit: PlanFile['unit'] } | undefined;
  const sections: PlanSection[] = [];
  let heading: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || /^<!--.*-->$/.test(trimmed)) continue;
    const h = /^#\s+(.+?)\s*$/.exec(line);
    if (h) {
      heading = h[1]!.toLowerCase();
      continue;
    }
    if (heading === 'instruction') {
      const fence = /^(~{3,}|`{3,})/.exec(trimmed);
      if (!fence) {
        throw new InvalidInputError({
          file,
          line: i + 1,
          message: 'the instruction must be in a ~~~ fence',
        });
      }
      const close = lines.findIndex((l, k) => k > i && l.trim() === fence[1]);
      if (close === -1) {
        throw new InvalidInputError({
          file,
          line: i + 1,
          message: 'the instruction fence is never closed',
        });
      }
      instruction = lines.slice(i + 1, close).join('\n');
      i = close;
      heading = undefined;
    } else if (heading === 'target') {
      const m = /^(\d[\d,]*)\s*(words?|字)$/i.exec(trimmed);
      if (!m) {
        throw new InvalidInputError({
          file,
          line: i + 1,
          message: `expected a target like "10000 words" or "3000 字", got "${trimmed}"`,
        });
      }
      target = {
        targetWords: Number(m[1]!.replace(/,/g, '')),
        unit: m[2] === '字' ? '字' : 'words',
      };
    } else if (heading === 'sections') {
      const parsed = parsePlanLine(line);
      if (!parsed) {
        throw new InvalidInputError({
          file,
          line: i + 1,
          message: `not a section line; expected "Paragraph N - Main Point: ... - Word Count: N words", got "${trimmed.slice(0, 80)}"`,
        });
      }
      sections.push({
        ...(parsed.title ? { title: parsed.title } : {}),
        mainPoint: parsed.mainPoint,
        targetWords: parsed.targetWords,
      });
    } else {
      throw new InvalidInputError({
        file,
        line: i + 1,
        message: 'text outside the "# Instruction", "# Target" and "# Sections" parts',
      });
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
