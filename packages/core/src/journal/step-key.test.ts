import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors';
import { canonicalJson } from './canonical-json';
import { stepKey } from './step-key';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined fields', () => {
    expect(canonicalJson({ b: [2, { d: 'x', c: null, e: undefined }], a: 1 })).toBe(
      '{"a":1,"b":[2,{"c":null,"d":"x"}]}',
    );
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.000Z') })).toBe(
      '{"at":"2026-01-02T03:04:05.000Z"}',
    );
  });

  it('rejects values JSON would silently change, naming the field', () => {
    expect(() => canonicalJson({ params: { temperature: Number.NaN } })).toThrow(
      'field "$.params.temperature"',
    );
    expect(() => canonicalJson({ seed: 1n })).toThrow(InvalidInputError);
    expect(() => canonicalJson({ vars: new Map() })).toThrow('Map');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
  });
});

describe('stepKey', () => {
  it('is sha256 hex of the canonical JSON (fixed vectors)', () => {
    expect(stepKey({ b: [2, { d: 'x', c: null }], a: 1 })).toBe(
      'b4f0036845818c4edffa7f8a39a31a071b41811a62ccbdeaa149f2c006dbb271',
    );
    expect(stepKey({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('does not depend on key order but on every value', () => {
    const base = { stage: 'write', attempt: 0, params: { temperature: 1, seed: 7 } };
    expect(stepKey({ params: { seed: 7, temperature: 1 }, attempt: 0, stage: 'write' })).toBe(
      stepKey(base),
    );
    expect(stepKey({ ...base, attempt: 1 })).not.toBe(stepKey(base));
    expect(stepKey({ ...base, params: { temperature: 1, seed: 8 } })).not.toBe(stepKey(base));
  });
});
