const SAMPLE_CHARS = 2000;

/**
 * Coarse language tag for dataset cards: `zh` when CJK ideographs outnumber Latin-script words,
 * `en` when Latin words are present, else `other`. Looks at the first few thousand characters only,
 * with a plain character scan (it runs on every kept sample); it labels a card, it does not gate data.
 */
export function detectLanguage(text: string): 'zh' | 'en' | 'other' {
  const end = Math.min(text.length, SAMPLE_CHARS);
  let ideographs = 0;
  let latinWords = 0;
  let inWord = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const latin =
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
    if (latin) {
      if (!inWord) latinWords++;
      inWord = true;
      continue;
    }
    inWord = false;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xf900 && c <= 0xfaff)
    )
      ideographs++;
  }
  if (ideographs > 0 && ideographs >= latinWords) return 'zh';
  if (latinWords > 0) return 'en';
  return 'other';
}
