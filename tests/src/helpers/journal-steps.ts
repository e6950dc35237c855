import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Completed steps in `<run-dir>/journal.jsonl`: newline-terminated lines only, since a line still
 * being appended (or cut by a kill) is not a step the run can resume from.
 */
export async function countJournalSteps(runDir: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(join(runDir, 'journal.jsonl'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const lastNewline = text.lastIndexOf('\n');
  if (lastNewline < 0) return 0;
  return text
    .slice(0, lastNewline)
    .split('\n')
    .filter(line => line.trim() !== '').length;
}

/**
 * Polls the journal until it holds at least `steps` completed steps. Rejects when `isDone()` says the
 * writer has exited first (the kill would come too late to interrupt anything) or after `timeoutMs`.
 */
export async function waitForJournalSteps(
  runDir: string,
  steps: number,
  options: { isDone: () => boolean; timeoutMs?: number; intervalMs?: number },
): Promise<number> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const count = await countJournalSteps(runDir);
    if (count >= steps) return count;
    if (options.isDone()) {
      throw new Error(`the writer exited with ${count} journal step(s), before reaching ${steps}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`the journal in ${runDir} reached ${count} step(s), not ${steps}, in time`);
    }
    await new Promise(resolve => setTimeout(resolve, options.intervalMs ?? 10));
  }
}
