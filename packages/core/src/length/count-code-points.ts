/**
 * Length in Unicode code points, the unit of AlpacaEval's length-controlled win rate
 * (`len(output)` of a Python `str`, lc-alpacaeval.md §3 step 2).
 *
 * Same result as `[...text].length` (a lone surrogate counts 1, a surrogate pair counts 1) without
 * allocating an array, which matters on long outputs.
 */
export function countCodePoints(text: string): number {
  const length = text.length;
  let count = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
