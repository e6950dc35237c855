export { countCodePoints } from './count-code-points';
export {
  type CountTokensOptions,
  countTokens,
  type TokenEncoding,
  tokenEncodings,
} from './count-tokens';
export { countWordsLongWriter } from './count-words-longwriter';
export { countWordsRuler } from './count-words-ruler';
export { countWordsSelfLengthen } from './count-words-self-lengthen';
export { countWordsUnicode } from './count-words-unicode';
export { detectScript, isMostlyCjk, type ScriptName, type ScriptProfile } from './detect-script';
export {
  getLengthCounter,
  type LengthCounter,
  type LengthCounterName,
  type LengthUnit,
  lengthCounterNameSchema,
  lengthCounterNames,
  lengthCounters,
} from './length-counters';
