// Names are compared lower-cased with `-`/`_` removed, so apiKey, api_key and API-KEY all match.
// Whole names or suffixes only: `maxOutputTokens` and `tokensPerMinute` are not secrets.
const SECRET_NAMES = [
  'apikey',
  'secret',
  'password',
  'passwd',
  'authorization',
  'authtoken',
  'accesstoken',
  'refreshtoken',
  'bearertoken',
  'sessiontoken',
  'privatekey',
  'credentials',
  'cookie',
  'apitoken',
  'hftoken',
];

// A bare `token` is a secret; `stopToken` or `maxTokens` are decoding parameters.
const EXACT_SECRET_NAMES = ['token'];

// Values that look like provider keys even under an innocent field name.
const SECRET_VALUE = /^(sk-|sk_|xox[abp]-|ghp_|gho_|hf_|AIza)[A-Za-z0-9_-]{8,}|^Bearer\s+\S+/;

export function isSecretName(name: string): boolean {
  const normalised = name.toLowerCase().replace(/[-_]/g, '');
  return (
    EXACT_SECRET_NAMES.includes(normalised) ||
    SECRET_NAMES.some(secret => normalised.endsWith(secret))
  );
}

/**
 * A deep copy of `config` without secrets: fields with secret-looking names and string values
 * that look like keys are removed (not masked), and credentials in URLs are dropped. Removing
 * rather than masking keeps the config hash independent of whether a key was set, since a key
 * never changes a step's result.
 */
export function stripSecrets<T>(config: T): T {
  return strip(config) as T;
}

function strip(value: unknown): unknown {
  if (typeof value === 'string') return stripUrlCredentials(value);
  if (Array.isArray(value)) {
    return value.filter(item => !isSecretValue(item)).map(strip);
  }
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isSecretName(key) || isSecretValue(item)) continue;
    result[key] = strip(item);
  }
  return result;
}

function isSecretValue(value: unknown): boolean {
  return typeof value === 'string' && SECRET_VALUE.test(value.trim());
}

function stripUrlCredentials(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s]*@/i.test(value)) return value;
  try {
    const url = new URL(value);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return value;
  }
}
