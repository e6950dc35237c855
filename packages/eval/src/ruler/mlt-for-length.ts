import { inInterval, type MltScheme, rulerCodeScheme } from './mlt-scheme';

/**
 * The MLT a response of `words` words (counted with `countWordsRuler`) is labelled with for training,
 * or `null` when it falls between labelling windows and upstream drops the example.
 */
export function mltForLength(words: number, scheme: MltScheme = rulerCodeScheme): string | null {
  return scheme.entries.find(entry => inInterval(entry.label, words))?.token ?? null;
}
