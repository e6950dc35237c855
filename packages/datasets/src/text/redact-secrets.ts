const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;
const NAMED =
  /\b(api[_-]?key|authorization|token|secret|password)(["']?\s*[:=]\s*["']?)(?!Bearer\b)[^\s"',;}]+/gi;
const KEY_LIKE = /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{8,}/g;

/** Masks things that look like credentials in free text (error messages) before it is persisted. */
export function redactSecrets(text: string): string {
  return text
    .replace(BEARER, 'Bearer [redacted]')
    .replace(NAMED, (_match, name: string, separator: string) => `${name}${separator}[redacted]`)
    .replace(KEY_LIKE, '[redacted]');
}
