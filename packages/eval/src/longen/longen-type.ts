/** The four LonGen constraint types. */
export const LONGEN_TYPES = ['about', 'range', 'above', 'below'] as const;

export type LonGenType = (typeof LONGEN_TYPES)[number];

export function isLonGenType(value: unknown): value is LonGenType {
  return typeof value === 'string' && (LONGEN_TYPES as readonly string[]).includes(value);
}
