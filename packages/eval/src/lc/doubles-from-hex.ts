/** Doubles from their IEEE-754 bit patterns (16 hex digits each): exact, unlike decimal literals. */
export function doublesFromHex(bits: readonly string[]): Float64Array {
  const values = new Float64Array(bits.length);
  const view = new DataView(values.buffer);
  bits.forEach((hex, i) => {
    view.setBigUint64(i * 8, BigInt(`0x${hex}`), true);
  });
  return values;
}
