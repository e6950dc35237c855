import { access } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readJsonLines } from '@longform/core';
import {
  type LongBenchWriteLanguage,
  type LongBenchWriteRow,
  longBenchWriteRowSchema,
} from './longbench-write-row';

export type LongBenchWriteItem = LongBenchWriteRow & {
  /** 1-based line in the source file, for error messages and reports. */
  line: number;
  language: LongBenchWriteLanguage;
};

export type LongBenchWriteLanguageOption = LongBenchWriteLanguage | 'auto';

/**
 * Script-based guess used only when the official EN split is not available. It disagrees with the
 * official split on the two Chinese prompts that ask for English output (one is in the EN file).
 */
export function detectLongBenchWriteLanguage(prompt: string): LongBenchWriteLanguage {
  const ideographs = (prompt.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const latinWords = (prompt.match(/[A-Za-z]+/g) ?? []).length;
  return ideographs > 0 && ideographs >= latinWords ? 'zh' : 'en';
}

/**
 * Loads a LongBench-Write file (`longbench_write.jsonl`, `longbench_write_en.jsonl`, or a file of the
 * same schema; extra fields such as `response` are ignored here).
 *
 * Language, with `language: 'auto'` (the default): a file named `*_en.jsonl` is all English; for any
 * other file, a sibling `<name>_en.jsonl` defines the EN split by prompt membership (the paper's
 * split); without one, the language is detected from the prompt's script.
 */
export async function loadLongBenchWrite(
  file: string,
  { language = 'auto' }: { language?: LongBenchWriteLanguageOption } = {},
): Promise<LongBenchWriteItem[]> {
  const resolve = await languageResolver(file, language);
  const items: LongBenchWriteItem[] = [];
  for await (const { line, value } of readJsonLines(file, longBenchWriteRowSchema)) {
    items.push({ ...value, line, language: resolve(value.prompt) });
  }
  return items;
}

async function languageResolver(
  file: string,
  language: LongBenchWriteLanguageOption,
): Promise<(prompt: string) => LongBenchWriteLanguage> {
  if (language !== 'auto') return () => language;
  const base = basename(file);
  if (/_en\.jsonl$/i.test(base)) return () => 'en';
  const sibling = join(dirname(file), base.replace(/\.jsonl$/i, '_en.jsonl'));
  if (sibling !== file && (await exists(sibling))) {
    const enPrompts = new Set<string>();
    for await (const { value } of readJsonLines(sibling, longBenchWriteRowSchema)) {
      enPrompts.add(value.prompt);
    }
    return prompt => (enPrompts.has(prompt) ? 'en' : 'zh');
  }
  return detectLongBenchWriteLanguage;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
