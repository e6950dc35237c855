import { describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress-reporter';

function capture() {
  const chunks: string[] = [];
  return { stream: { write: (chunk: string) => chunks.push(chunk) }, text: () => chunks.join('') };
}

describe('createProgressReporter', () => {
  it('prints throttled plain lines with an ETA when not on a TTY', () => {
    const out = capture();
    let time = 0;
    const reporter = createProgressReporter({
      stream: out.stream,
      tty: false,
      now: () => time,
      logIntervalMs: 1000,
    });
    reporter.start({ label: 'write', total: 1000, unit: 'words' });
    time = 2000;
    reporter.update(250, 'section 1/4');
    time = 2500;
    reporter.update(300);
    time = 4000;
    reporter.update(500);
    reporter.finish('done: 1,000 words');
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toBe('write: started (1000 words)');
    expect(lines[1]).toBe('write 25% · 250/1,000 words · elapsed 2s · ETA 6s · section 1/4');
    expect(lines[2]).toBe('write 50% · 500/1,000 words · elapsed 4s · ETA 4s');
    expect(lines[3]).toBe('done: 1,000 words');
    expect(out.text()).not.toContain('\r');
  });

  it('redraws one line on a TTY and clears it before logging', () => {
    const out = capture();
    let time = 0;
    const reporter = createProgressReporter({ stream: out.stream, tty: true, now: () => time });
    reporter.start({ label: 'write', total: 10, unit: 'sections' });
    time = 1000;
    reporter.update(5);
    reporter.log('section 5 done');
    expect(out.text()).toContain('\r\x1b[Kwrite ████████████░░░░░░░░░░░░ 50%');
    expect(out.text().endsWith('\r\x1b[Ksection 5 done\n')).toBe(true);
  });

  it('stays silent when quiet', () => {
    const out = capture();
    const reporter = createProgressReporter({ stream: out.stream, tty: false, quiet: true });
    reporter.start({ label: 'x', total: 1, unit: 'u' });
    reporter.update(1);
    reporter.log('hello');
    reporter.finish('bye');
    expect(out.text()).toBe('');
  });
});
