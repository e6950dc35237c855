import { InvalidInputError } from '@longform/core';
import { describe, expect, it } from 'vitest';
import { parseSftSample } from './parse-sft-sample';

const valid = {
  id: 's1',
  instruction: 'Write 2000 words about rivers.',
  output: 'Rivers are…',
  metadata: {
    lengths: { longwriter: 2010 },
    requiredLength: 2000,
    lengthScore: 99.5,
    source: 'in.jsonl',
    method: 'agentwrite',
    model: 'sim:writer',
    stage: 'write',
  },
};

describe('parseSftSample', () => {
  it('accepts a valid sample and keeps unknown metadata keys', () => {
    const sample = parseSftSample(valid);
    expect(sample.metadata.lengths.longwriter).toBe(2010);
    expect((sample.metadata as Record<string, unknown>).stage).toBe('write');
  });

  it('names the field and the sample id on bad input', () => {
    const bad = { ...valid, metadata: { ...valid.metadata, lengths: { longwriter: -1 } } };
    const error = (() => {
      try {
        parseSftSample(bad, { file: 'j.jsonl', line: 7 });
      } catch (e) {
        return e;
      }
    })();
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).field).toBe('metadata.lengths.longwriter');
    expect((error as Error).message).toMatch(
      /^j\.jsonl, line 7, field "metadata\.lengths\.longwriter": sample "s1": /,
    );
  });

  it('rejects blank outputs and missing provenance', () => {
    expect(() => parseSftSample({ ...valid, output: '  \n' })).toThrow(/field "output"/);
    const { model: _model, ...noModel } = valid.metadata;
    expect(() => parseSftSample({ ...valid, metadata: noModel })).toThrow(/metadata\.model/);
  });
});
