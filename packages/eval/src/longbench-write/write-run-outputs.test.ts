import { describe, expect, it } from 'vitest';
import { writeRunOutputs } from './write-run-outputs';

function memoryRun() {
  const written = new Map<string, string>();
  return {
    written,
    writeOutput: async (name: string, text: string) => {
      written.set(name, text);
      return `/run/${name}`;
    },
  };
}

describe('writeRunOutputs', () => {
  it('writes each JSONL file in order, then report.json, and returns the paths', async () => {
    const run = memoryRun();
    const files = await writeRunOutputs(run, {
      jsonl: { 'predictions.jsonl': [{ a: 1 }, { a: 2 }], 'judgements.jsonl': [] },
      report: { model: 'sim:x', generationFailures: [], report: { n: 2 } },
    });
    expect(files).toEqual(['/run/predictions.jsonl', '/run/judgements.jsonl', '/run/report.json']);
    expect(run.written.get('predictions.jsonl')).toBe('{"a":1}\n{"a":2}\n');
    expect(run.written.get('judgements.jsonl')).toBe('');
    expect(run.written.get('report.json')).toBe(
      '{\n  "model": "sim:x",\n  "generationFailures": [],\n  "report": {\n    "n": 2\n  }\n}\n',
    );
  });
});
