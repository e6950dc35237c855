import { createRequire } from 'node:module';
import { InvalidInputError } from '../errors';

export const tokenEncodings = ['o200k_base', 'cl100k_base'] as const;
export type TokenEncoding = (typeof tokenEncodings)[number];

export interface CountTokensOptions {
  /** BPE encoding: `o200k_base` (GPT-4o and later, default) or `cl100k_base` (GPT-4, GPT-3.5). */
  encoding?: TokenEncoding;
}

type Encoder = typeof import('gpt-tokenizer/encoding/o200k_base');

// Each encoding's rank table takes 100–400 ms to load, so it is required on first use of that
// encoding only; a static import would load every table with the package. `require` (not
// `import()`) keeps countTokens synchronous like the other counters.
const require = createRequire(import.meta.url);
const loaders: Record<TokenEncoding, () => Encoder> = {
  o200k_base: () => require('gpt-tokenizer/encoding/o200k_base'),
  cl100k_base: () => require('gpt-tokenizer/encoding/cl100k_base'),
};
const encoders = new Map<TokenEncoding, Encoder>();

// Special-token strings such as `<|endoftext|>` in user text are ordinary text, as with tiktoken's
// `encode_ordinary`; by default gpt-tokenizer would throw on them.
const ORDINARY = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/**
 * Number of OpenAI BPE tokens in `text` (offline, `gpt-tokenizer`). A length unit for budgets and
 * `max_tokens` estimates, never the unit of a paper's length metric.
 */
export function countTokens(
  text: string,
  { encoding = 'o200k_base' }: CountTokensOptions = {},
): number {
  let encoder = encoders.get(encoding);
  if (encoder === undefined) {
    const load = Object.hasOwn(loaders, encoding) ? loaders[encoding] : undefined;
    if (load === undefined) {
      throw new InvalidInputError({
        field: 'encoding',
        message: `unknown token encoding "${String(encoding)}"; expected one of ${tokenEncodings.join(', ')}`,
      });
    }
    encoder = load();
    encoders.set(encoding, encoder);
  }
  return encoder.countTokens(text, ORDINARY);
}
