import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fusedMultiplyAdd, glibcExp, glibcLog } from './glibc-math';
import { Mt19937 } from './mt19937';
import { numpyTanh } from './numpy-tanh';

/** Exact a·b + c with BigInt rationals, rounded to nearest-even: the reference. */
function exactFma(a: number, b: number, c: number): number {
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const e = Math.min(ea + eb, ec);
  const sum = ma * mb * 2n ** BigInt(ea + eb - e) + mc * 2n ** BigInt(ec - e);
  return roundScaled(sum, e);
}

function decompose(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  if (exponent !== 0) mantissa |= 1n << 52n;
  const sign = bits >> 63n ? -1n : 1n;
  return [sign * mantissa, (exponent === 0 ? 1 : exponent) - 1075];
}

function roundScaled(value: bigint, exponent: number): number {
  if (value === 0n) return 0;
  const negative = value < 0n;
  let m = negative ? -value : value;
  let e = exponent;
  const bitLength = m.toString(2).length;
  if (bitLength > 53) {
    const shift = BigInt(bitLength - 53);
    const remainder = m & ((1n << shift) - 1n);
    const half = 1n << (shift - 1n);
    m >>= shift;
    e += Number(shift);
    if (remainder > half || (remainder === half && (m & 1n) === 1n)) m += 1n;
  }
  const result = Number(m) * 2 ** e;
  return negative ? -result : result;
}

describe('fusedMultiplyAdd', () => {
  it('is the correctly rounded a·b + c on random and tie-prone inputs', () => {
    const rng = new Mt19937(99);
    const random = () => (rng.next() * 2 ** 21 + (rng.next() >>> 11)) / 2 ** 53;
    for (let i = 0; i < 20_000; i++) {
      const a = (random() - 0.5) * 2 ** ((rng.next() % 40) - 20);
      const b = (random() - 0.5) * 2 ** ((rng.next() % 40) - 20);
      // c close to −a·b makes the cancellation and tie cases common.
      const c =
        i % 3 === 0
          ? -(a * b) * (1 + (random() - 0.5) * 2 ** -40)
          : (random() - 0.5) * 2 ** ((rng.next() % 40) - 20);
      expect(fusedMultiplyAdd(a, b, c)).toBe(exactFma(a, b, c));
    }
  });

  it('differs from the unfused a·b + c where a hardware FMA does', () => {
    const a = 1 + 2 ** -30;
    expect(fusedMultiplyAdd(a, a, -1)).toBe(2 ** -29 + 2 ** -60);
    expect(a * a - 1).toBe(2 ** -29);
    // A tie after rounding the low part: exact value just above the midpoint.
    expect(fusedMultiplyAdd(1 + 2 ** -52, 1 + 2 ** -52, 2 ** -53)).toBe(
      exactFma(1 + 2 ** -52, 1 + 2 ** -52, 2 ** -53),
    );
  });
});

describe('glibcExp / glibcLog / numpyTanh against the libraries they reproduce', () => {
  // Reference values from glibc 2.36 (x86-64, FMA variants) and numpy 2.4.6, stored as bit patterns.
  const oracle = readFileSync(
    fileURLToPath(new URL('./glibc-math.oracle.txt', import.meta.url)),
    'utf8',
  )
    .trim()
    .split('\n')
    .filter(line => !line.startsWith('#'))
    .map(line => {
      const [f, x, y] = line.split(' ') as ['exp' | 'log' | 'tanh', string, string];
      return { f, x, y };
    });
  const x64 = new DataView(new ArrayBuffer(8));
  const fromHex = (hex: string) => {
    x64.setBigUint64(0, BigInt(`0x${hex}`));
    return x64.getFloat64(0);
  };
  const ours = { exp: glibcExp, log: glibcLog, tanh: numpyTanh };
  const v8 = { exp: Math.exp, log: Math.log, tanh: Math.tanh };

  for (const f of ['exp', 'log', 'tanh'] as const) {
    it(`${f}: every reference value bit for bit, where V8's Math.${f} is not`, () => {
      const cases = oracle.filter(entry => entry.f === f);
      expect(cases.length).toBeGreaterThanOrEqual(500);
      let v8Mismatches = 0;
      for (const { x, y } of cases) {
        expect(ours[f](fromHex(x)), `${f}(${fromHex(x)})`).toBe(fromHex(y));
        if (!Object.is(v8[f](fromHex(x)), fromHex(y))) v8Mismatches++;
      }
      expect(v8Mismatches).toBeGreaterThan(0);
    });
  }

  it('handles the special inputs like the C library', () => {
    expect(glibcExp(0)).toBe(1);
    expect(glibcExp(1e-300)).toBe(1);
    expect(glibcExp(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(glibcExp(-1000)).toBe(0);
    expect(glibcLog(1)).toBe(0);
    expect(glibcLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcLog(5e-324)).toBe(Math.log(5e-324));
    expect(numpyTanh(-0)).toBe(-0);
    expect(numpyTanh(1e300)).toBe(1);
    expect(numpyTanh(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(numpyTanh(Number.NaN)).toBeNaN();
  });
});
