import { type LshParams, optimalLshParams } from './lsh-params';

export interface LshMatch {
  id: string;
  jaccard: number;
}

export interface LshIndex {
  readonly params: LshParams;
  readonly size: number;
  /** The earliest indexed entry whose estimated Jaccard with `signature` is ≥ the threshold. */
  query(signature: Uint32Array): LshMatch | undefined;
  insert(id: string, signature: Uint32Array): void;
}

/**
 * MinHash LSH with banding. Memory per entry is its signature (4 bytes per slot) plus, per band, one
 * slot in an open-addressing table and one chain link, all in typed arrays; texts are never kept.
 * Candidates from colliding bands are verified against the full signatures, so bucket-hash
 * collisions cannot cause false drops.
 */
export function createLshIndex({
  numPerm,
  threshold,
  params = optimalLshParams(threshold, numPerm),
}: {
  numPerm: number;
  threshold: number;
  params?: LshParams;
}): LshIndex {
  const { bands, rows } = params;
  if (bands * rows > numPerm) throw new RangeError('bands × rows exceeds numPerm');
  const ids: string[] = [];
  let capacity = 64;
  let signatures = new Uint32Array(numPerm * capacity);
  // Per band: chain link of each entry to the previous entry with the same band key (-1 = none).
  let chains = new Int32Array(bands * capacity);
  // Per band open-addressing table: key → newest entry with that key (+1; 0 = empty slot).
  let tableSize = 128;
  let tableKeys = new Int32Array(bands * tableSize);
  let tableHeads = new Int32Array(bands * tableSize);

  const bandKey = (signature: Uint32Array, band: number): number => {
    let h = 0x811c9dc5;
    const start = band * rows;
    for (let i = start; i < start + rows; i++) h = Math.imul(h ^ signature[i]!, 0x01000193);
    return h | 0;
  };

  const slotOf = (band: number, key: number): number => {
    const mask = tableSize - 1;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    const base = band * tableSize;
    while (tableHeads[base + slot] !== 0 && tableKeys[base + slot] !== key)
      slot = (slot + 1) & mask;
    return base + slot;
  };

  const similarity = (signature: Uint32Array, index: number): number => {
    const offset = index * numPerm;
    let equal = 0;
    for (let i = 0; i < numPerm; i++) if (signature[i] === signatures[offset + i]) equal++;
    return equal / numPerm;
  };

  const grow = () => {
    const nextSignatures = new Uint32Array(numPerm * capacity * 2);
    nextSignatures.set(signatures);
    signatures = nextSignatures;
    const nextChains = new Int32Array(bands * capacity * 2);
    for (let band = 0; band < bands; band++) {
      nextChains.set(chains.subarray(band * capacity, (band + 1) * capacity), band * capacity * 2);
    }
    chains = nextChains;
    capacity *= 2;
  };

  const rehash = () => {
    const oldKeys = tableKeys;
    const oldHeads = tableHeads;
    const oldSize = tableSize;
    tableSize *= 2;
    tableKeys = new Int32Array(bands * tableSize);
    tableHeads = new Int32Array(bands * tableSize);
    for (let band = 0; band < bands; band++) {
      for (let slot = 0; slot < oldSize; slot++) {
        const head = oldHeads[band * oldSize + slot]!;
        if (head === 0) continue;
        const key = oldKeys[band * oldSize + slot]!;
        const target = slotOf(band, key);
        tableKeys[target] = key;
        tableHeads[target] = head;
      }
    }
  };

  return {
    params,
    get size() {
      return ids.length;
    },
    query(signature) {
      if (signature.length !== numPerm)
        throw new RangeError('signature length differs from numPerm');
      let best = -1;
      let bestJaccard = 0;
      for (let band = 0; band < bands; band++) {
        const slot = slotOf(band, bandKey(signature, band));
        // Chains run newest → oldest; keep the oldest match so the first kept copy is named.
        for (
          let entry = tableHeads[slot]! - 1;
          entry >= 0;
          entry = chains[band * capacity + entry]!
        ) {
          if (best !== -1 && entry >= best) continue;
          const jaccard = similarity(signature, entry);
          if (jaccard >= threshold) {
            best = entry;
            bestJaccard = jaccard;
          }
        }
      }
      return best === -1 ? undefined : { id: ids[best]!, jaccard: bestJaccard };
    },
    insert(id, signature) {
      if (signature.length !== numPerm)
        throw new RangeError('signature length differs from numPerm');
      const index = ids.length;
      if (index === capacity) grow();
      if ((index + 1) * 2 > tableSize) rehash();
      signatures.set(signature, index * numPerm);
      ids.push(id);
      for (let band = 0; band < bands; band++) {
        const key = bandKey(signature, band);
        const slot = slotOf(band, key);
        chains[band * capacity + index] = tableHeads[slot]! - 1;
        tableKeys[slot] = key;
        tableHeads[slot] = index + 1;
      }
    },
  };
}
