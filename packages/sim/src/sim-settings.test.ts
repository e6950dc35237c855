import { describe, expect, it } from 'vitest';
import { SimInvalidSettingsError } from './errors';
import { listSimModelIds, resolveSimSettings } from './sim-settings';

describe('resolveSimSettings', () => {
  it('fills defaults', () => {
    expect(resolveSimSettings()).toEqual({ seed: 0, profile: 'compliant', capUnits: 2000 });
  });

  it('names the offending field', () => {
    expect(() => resolveSimSettings({ profile: 'huge' as never })).toThrow(/field "profile"/);
    expect(() => resolveSimSettings({ faults: { rate429: 2 } })).toThrow(/field "faults.rate429"/);
    expect(() => resolveSimSettings({ faults: { rate429: 0.6, rate500: 0.6 } })).toThrow(
      /add up to at most 1/,
    );
    const error = (() => {
      try {
        resolveSimSettings({ capacity: { maxConcurrentStreams: 0 } });
      } catch (e) {
        return e;
      }
    })();
    expect(SimInvalidSettingsError.isInstance(error)).toBe(true);
    expect((error as SimInvalidSettingsError).field).toBe('capacity.maxConcurrentStreams');
    expect((error as Error).name).toBe('SimInvalidSettingsError');
  });

  it('lists one model per profile', () => {
    expect(listSimModelIds()).toEqual([
      'sim',
      'sim:compliant',
      'sim:under',
      'sim:over',
      'sim:capped',
      'sim:noisy',
    ]);
  });
});
