import { createHash } from 'node:crypto';

/** A digest of the items an eval run works on, so a changed input file never resumes an old run. */
export function hashItems(items: unknown): string {
  return createHash('sha256').update(JSON.stringify(items)).digest('hex');
}
