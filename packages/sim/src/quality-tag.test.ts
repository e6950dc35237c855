import { describe, expect, it } from 'vitest';
import { formatQualityTag, parseQualityTag, stripQualityTags } from './quality-tag';

describe('quality tags', () => {
  it('round-trips, clamps and averages', () => {
    expect(formatQualityTag(0.731)).toBe('<!-- sim_quality=0.73 -->');
    expect(formatQualityTag(3)).toBe('<!-- sim_quality=1.00 -->');
    expect(parseQualityTag(`${formatQualityTag(0.73)}\n\nText`)).toBe(0.73);
    expect(parseQualityTag(`${formatQualityTag(0.2)} a ${formatQualityTag(0.6)} b`)).toBeCloseTo(
      0.4,
      12,
    );
    expect(parseQualityTag('no tag here')).toBeUndefined();
    expect(stripQualityTags(`${formatQualityTag(0.5)}\n\nBody`)).toBe('Body');
  });

  it('is invisible to the LongWriter counter', () => {
    const tag = formatQualityTag(0.42);
    expect((tag.match(/(?<![\p{L}\p{N}_])[A-Za-z]+(?![\p{L}\p{N}_])/gu) ?? []).length).toBe(0);
  });
});
