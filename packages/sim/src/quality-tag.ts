/**
 * Hidden quality tags. Text the simulator writes for a model with a configured quality starts with
 * `<!-- sim_quality=0.73 -->`. The judge reads it back as ground truth. The underscore keeps the
 * tag invisible to the LongWriter counter (letters touching `_` are not words), so tagged text still
 * has exactly the requested number of units under that counter.
 */
const TAG = /<!--\s*sim_quality=(\d+(?:\.\d+)?)\s*-->/g;

/** `<!-- sim_quality=0.73 -->` for q = 0.73 (clamped to [0, 1], two decimals). */
export function formatQualityTag(quality: number): string {
  const q = Math.min(1, Math.max(0, quality));
  return `<!-- sim_quality=${q.toFixed(2)} -->`;
}

/**
 * The quality carried by `text`: the mean of all its tags (a document assembled from several
 * tagged sections gets their average), or `undefined` when it has none. Judges treat untagged text
 * as quality 0.5.
 */
export function parseQualityTag(text: string): number | undefined {
  let sum = 0;
  let count = 0;
  for (const match of text.matchAll(TAG)) {
    sum += Number(match[1]);
    count++;
  }
  return count === 0 ? undefined : Math.min(1, Math.max(0, sum / count));
}

/** `text` without its quality tags (and the blank line that follows each). */
export function stripQualityTags(text: string): string {
  return text.replaceAll(/<!--\s*sim_quality=\d+(?:\.\d+)?\s*-->\n{0,2}/g, '');
}
