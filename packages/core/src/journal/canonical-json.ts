import { InvalidInputError } from '../errors';

/**
 * JSON with object keys sorted at every level, so that equal values always give equal text (and
 * equal hashes) whatever order their keys were built in. `undefined` object fields are dropped, as
 * `JSON.stringify` does. Values JSON cannot represent faithfully (NaN, Infinity, bigint, functions,
 * symbols, Map, Set) are rejected rather than silently turned into `null` or `{}`, because two
 * different inputs would then share a key.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value, '$'));
}

function canonicalize(value: unknown, path: string): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw unsupported(path, String(value));
      return value;
    case 'undefined':
      return undefined;
    case 'bigint':
    case 'function':
    case 'symbol':
      throw unsupported(path, typeof value);
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => canonicalize(item, `${path}[${index}]`) ?? null);
  }
  if (value instanceof Map || value instanceof Set) throw unsupported(path, value.constructor.name);
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return canonicalize(withToJson.toJSON(), path);
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value as object).sort()) {
    const item = canonicalize((value as Record<string, unknown>)[key], `${path}.${key}`);
    if (item !== undefined) result[key] = item;
  }
  return result;
}

function unsupported(path: string, what: string): InvalidInputError {
  return new InvalidInputError({
    message: `${what} cannot be part of a canonical JSON value`,
    field: path,
  });
}
