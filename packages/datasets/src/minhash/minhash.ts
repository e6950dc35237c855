import { fmix32, hashString32 } from '../text/hash';
import { createSeededRandom } from '../text/seeded-random';
import { tokenizeForDedup } from '../text/tokenize-for-dedup';

export interface MinHasherSettings {
  /** Signature length (number of hash permutations). */
  numPerm: number;
  /** Tokens per shingle (word n-grams). */
  shingleSize: number;
  /** Seed of the permutation family: the same seed gives the same signatures on every machine. */
  seed: number;
}

export interface MinHasher extends MinHasherSettings {
  /** MinHash signature of the text's word-shingle set. */
  signature(text: string): Uint32Array;
  signatureOfTokens(tokens: readonly string[]): Uint32Array;
}

/**
 * MinHash over word shingles. Each shingle is hashed once to a well-mixed 32-bit value; permutation
 * i is the bijection x ↦ a_i·x + b_i mod 2^32 (a_i odd), so a signature costs one multiply-add per
 * shingle and permutation. A text shorter than one shingle is a single shingle of all its tokens.
 */
export function createMinHasher({ numPerm, shingleSize, seed }: MinHasherSettings): MinHasher {
  if (!Number.isInteger(numPerm) || numPerm < 1)
    throw new RangeError('numPerm must be a positive integer');
  if (!Number.isInteger(shingleSize) || shingleSize < 1) {
    throw new RangeError('shingleSize must be a positive integer');
  }
  const random = createSeededRandom(seed);
  const salts = new Uint32Array(numPerm);
  const multipliers = new Uint32Array(numPerm);
  for (let i = 0; i < numPerm; i++) {
    salts[i] = random();
    multipliers[i] = (random() | 1) >>> 0;
  }

  const signatureOfTokens = (tokens: readonly string[]): Uint32Array => {
    const signature = new Uint32Array(numPerm).fill(0xffffffff);
    if (tokens.length === 0) return signature;
    const tokenHashes = new Uint32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) tokenHashes[i] = hashString32(tokens[i]!);
    const count = Math.max(1, tokens.length - shingleSize + 1);
    const width = Math.min(shingleSize, tokens.length);
    const shingles = new Uint32Array(count);
    for (let start = 0; start < count; start++) {
      let h = 0x811c9dc5;
      for (let j = 0; j < width; j++) h = Math.imul(h ^ tokenHashes[start + j]!, 0x01000193);
      shingles[start] = fmix32(h);
    }
    // Permutation-major order keeps the running minimum in a register.
    for (let i = 0; i < numPerm; i++) {
      const a = multipliers[i]!;
      const b = salts[i]!;
      let min = 0xffffffff;
      for (let k = 0; k < count; k++) {
        const v = (Math.imul(shingles[k]!, a) + b) >>> 0;
        if (v < min) min = v;
      }
      signature[i] = min;
    }
    return signature;
  };

  return {
    numPerm,
    shingleSize,
    seed,
    signatureOfTokens,
    signature: text => signatureOfTokens(tokenizeForDedup(text)),
  };
}

/** Fraction of equal signature slots: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError('signatures differ in length');
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}
