import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { countCodePoints } from './count-code-points';
import { countTokens } from './count-tokens';
import { countWordsLongWriter } from './count-words-longwriter';
import { countWordsRuler } from './count-words-ruler';
import { countWordsSelfLengthen } from './count-words-self-lengthen';
import { countWordsUnicode } from './count-words-unicode';

/** What one counted unit is; `words/字` counters count a CJK character as one unit. */
export type LengthUnit = 'words' | 'words/字' | 'code points' | 'tokens';

export interface LengthCounter {
  readonly name: LengthCounterName;
  readonly unit: LengthUnit;
  /** One line for reports: what is counted and where the rule comes from. */
  readonly description: string;
  readonly count: (text: string) => number;
}

/**
 * Every length counter by name, so that reports and the CLI can say which counter produced a number.
 * Metric code imports its paper's counter function directly and never looks a counter up here.
 */
export const lengthCounters = {
  longwriter: {
    name: 'longwriter',
    unit: 'words/字',
    description:
      'LongBench-Write (THUDM/LongWriter count_words): U+4E00–U+9FFF characters + Unicode-\\b [a-zA-Z]+ runs',
    count: countWordsLongWriter,
  },
  'self-lengthen': {
    name: 'self-lengthen',
    unit: 'words/字',
    description:
      'LonGen (QwenLM/Self-Lengthen): CJK, CJK punctuation and full-width characters + Python str.split() fields',
    count: countWordsSelfLengthen,
  },
  ruler: {
    name: 'ruler',
    unit: 'words',
    description: 'Ruler/TLG (Geaming2002/Ruler): Python Unicode \\w+ runs',
    count: countWordsRuler,
  },
  'code-points': {
    name: 'code-points',
    unit: 'code points',
    description: 'AlpacaEval LC (tatsu-lab/alpaca_eval): Unicode code points',
    count: countCodePoints,
  },
  unicode: {
    name: 'unicode',
    unit: 'words/字',
    description:
      'longform general counter: Unicode words (contractions and compounds count 1) + one per CJK character',
    count: countWordsUnicode,
  },
  tokens: {
    name: 'tokens',
    unit: 'tokens',
    description: 'OpenAI o200k_base BPE tokens (gpt-tokenizer)',
    count: (text: string) => countTokens(text),
  },
} as const satisfies Record<string, Omit<LengthCounter, 'name'> & { name: string }>;

export type LengthCounterName = keyof typeof lengthCounters;

export const lengthCounterNames = Object.keys(lengthCounters) as LengthCounterName[];

/** For options and file formats that name a counter. */
export const lengthCounterNameSchema = z.enum(
  lengthCounterNames as [LengthCounterName, ...LengthCounterName[]],
);

/** Looks a counter up by a user-supplied name (CLI flag, config file); unknown names are an input error. */
export function getLengthCounter(name: string): LengthCounter {
  if (!Object.hasOwn(lengthCounters, name)) {
    throw new InvalidInputError({
      field: 'counter',
      message: `unknown length counter "${name}"; expected one of ${lengthCounterNames.join(', ')}`,
    });
  }
  return lengthCounters[name as LengthCounterName];
}
