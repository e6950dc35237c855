export { normalizeNumerals } from './normalize-numerals';
export { parseChineseNumeral } from './parse-chinese-numeral';
export { unicodeDigitValue } from './unicode-digit-value';
