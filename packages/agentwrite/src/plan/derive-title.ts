const MAX_WORDS = 8;
const MAX_CJK = 16;

/**
 * A short heading from a main point, for plans whose lines carry no title (LongWriter's format has
 * none): the first clause, cut to 8 words (16 characters for Chinese), without a trailing period.
 */
export function deriveTitle(mainPoint: string): string {
  const clause = mainPoint.split(/[.;:。；：!?！？]|,\s|，/)[0]!.trim() || mainPoint.trim();
  if (/[\u4e00-\u9fff]/.test(clause) && !/\s/.test(clause)) {
    return clause.length > MAX_CJK ? clause.slice(0, MAX_CJK) : clause;
  }
  const words = clause.split(/\s+/);
  const title = words.slice(0, MAX_WORDS).join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}
