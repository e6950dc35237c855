import type { Run } from '@longform/core';

/**
 * Writes a benchmark run's result files into the run folder, atomically: each `jsonl` entry as a
 * JSONL file (in the given order), then `report.json`. Returns the written paths in that order, as
 * the runners report them.
 */
export async function writeRunOutputs(
  run: Pick<Run, 'writeOutput'>,
  { jsonl, report }: { jsonl: Record<string, readonly unknown[]>; report: unknown },
): Promise<string[]> {
  const files: string[] = [];
  for (const [name, rows] of Object.entries(jsonl)) {
    files.push(await run.writeOutput(name, toJsonl(rows)));
  }
  files.push(await run.writeOutput('report.json', `${JSON.stringify(report, null, 2)}\n`));
  return files;
}

function toJsonl(rows: readonly unknown[]): string {
  return rows.map(row => JSON.stringify(row)).join('\n') + (rows.length > 0 ? '\n' : '');
}
