import type { ResolvedModel, Run, Scheduler } from '@longform/core';

/** What the single-stage benchmark runners (`runLonGen`, `runTlg`) take besides their options. */
export interface BenchmarkRunArgs<ITEM> {
  run: Run;
  scheduler: Scheduler;
  /** Needed only when some item carries no ready output. */
  model?: ResolvedModel;
  items: readonly ITEM[];
  /** Source file, for error messages. */
  file?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}
