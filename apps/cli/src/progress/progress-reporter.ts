import { formatDuration } from './format-duration';

export interface ProgressReporterSettings {
  stream: { write(chunk: string): unknown };
  /** A TTY gets one redrawn status line; anything else gets plain, throttled log lines. */
  tty: boolean;
  quiet?: boolean;
  now?: () => number;
  /** Minimum time between plain log lines (non-TTY), so CI logs stay readable. */
  logIntervalMs?: number;
}

export interface ProgressTask {
  label: string;
  total: number;
  unit: string;
}

export interface ProgressReporter {
  start(task: ProgressTask): void;
  /** `done` is in the task's unit; `details` is shown after the bar (tokens, cost, section…). */
  update(done: number, details?: string): void;
  /** A message that must not be lost in the redrawn line (warnings, section finished…). */
  log(line: string): void;
  finish(summary?: string): void;
}

const barWidth = 24;

export function createProgressReporter(settings: ProgressReporterSettings): ProgressReporter {
  const now = settings.now ?? Date.now;
  const logIntervalMs = settings.logIntervalMs ?? 5_000;
  let task: ProgressTask | undefined;
  let startedAt = 0;
  let lastDrawAt = 0;
  let lastLine = '';
  let lineVisible = false;

  const clearLine = () => {
    if (settings.tty && lineVisible) {
      settings.stream.write('\r\x1b[K');
      lineVisible = false;
    }
  };

  const render = (done: number, details?: string): string => {
    if (!task) return '';
    const fraction = task.total > 0 ? Math.min(1, done / task.total) : 0;
    const elapsed = now() - startedAt;
    const eta = done > 0 && fraction < 1 ? (elapsed / done) * (task.total - done) : Number.NaN;
    const filled = Math.round(fraction * barWidth);
    const bar = settings.tty ? ` ${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}` : '';
    const parts = [
      `${task.label}${bar} ${Math.floor(fraction * 100)}%`,
      `${Math.round(done).toLocaleString('en-US')}/${task.total.toLocaleString('en-US')} ${task.unit}`,
      `elapsed ${formatDuration(elapsed)}`,
      fraction < 1 ? `ETA ${Number.isNaN(eta) ? '?' : formatDuration(eta)}` : undefined,
      details,
    ];
    return parts.filter(Boolean).join(' · ');
  };

  return {
    start(newTask) {
      task = newTask;
      startedAt = now();
      lastDrawAt = 0;
      if (!settings.quiet && !settings.tty)
        settings.stream.write(`${newTask.label}: started (${newTask.total} ${newTask.unit})\n`);
    },
    update(done, details) {
      if (settings.quiet || !task) return;
      const time = now();
      const line = render(done, details);
      if (settings.tty) {
        if (time - lastDrawAt < 100) return;
        settings.stream.write(`\r\x1b[K${line}`);
        lineVisible = true;
      } else {
        if (time - lastDrawAt < logIntervalMs || line === lastLine) return;
        settings.stream.write(`${line}\n`);
      }
      lastDrawAt = time;
      lastLine = line;
    },
    log(line) {
      if (settings.quiet) return;
      clearLine();
      settings.stream.write(`${line}\n`);
      lastDrawAt = 0;
    },
    finish(summary) {
      clearLine();
      if (!settings.quiet && summary) settings.stream.write(`${summary}\n`);
      task = undefined;
    },
  };
}
