import { doublesFromHex } from './doubles-from-hex';

/*
 * glibc's exp and log (x86-64, FMA variants), reproduced bit for bit, with the FMA emulation they
 * need. They live in one module on purpose: the calls between them are the hot path of the L1
 * solver, and keeping them module-local lets V8 (and vitest's module runner) inline them.
 */

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's split into two 26-bit halves
const MARGIN = 1 + 2 ** -40;
/** Bounds the product's rounding error |a·b − RN(a·b)| ≤ |RN(a·b)|·2^-53, with a margin. */
const PRODUCT_ERROR = 2 ** -53 * MARGIN;

/**
 * Correctly rounded a·b + c, as a hardware FMA gives it; JavaScript has no `Math.fma`. Valid
 * without overflow or underflow, which is all the parity code here needs (glibc's exp/log and
 * numpy's tanh are built on FMA instructions).
 *
 * Fast path: s = RN(c + RN(a·b)) with its exact error e. The exact a·b + c lies within
 * s + e ± |RN(a·b)|·2^-53; if both ends of that interval (pushed outwards by a margin that covers
 * the rounding of the test itself) round back to s, so does the exact value. The function is kept
 * small so that V8 inlines it at every call site of exp/log; otherwise each call would box its
 * result.
 */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const p = a * b;
  const s = c + p;
  const v = s - c;
  const e = c - (s - v) + (p - v);
  const m = p * PRODUCT_ERROR;
  if (s + (e + m) * MARGIN === s && s + (e - m) * MARGIN === s) return s;
  exactFusedMultiplyAdd(a, b, c);
  return exactResult[0]!;
}

// The slow path is not inlined; handing its result over in a typed array rather than as a return
// value keeps V8 from allocating a heap number per call.
const exactResult = new Float64Array(1);

/**
 * The general case: Dekker's TwoProduct makes a·b exact, TwoSum the additions; the last rounding
 * can only go wrong at a tie created by rounding the low part first, which is detected and
 * resolved with the sign of the discarded remainder.
 */
function exactFusedMultiplyAdd(a: number, b: number, c: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pl = ah * bh - p + ah * bl + al * bh + al * bl;
  // uh + ul = c + p exactly
  const uh = c + p;
  let v = uh - c;
  const ul = c - (uh - v) + (p - v);
  // s + se = pl + ul exactly
  const s = pl + ul;
  v = s - pl;
  const se = pl - (s - v) + (ul - v);
  const result = uh + s;
  exactResult[0] = result;
  if (se === 0) return;
  // result + rest = uh + s exactly; a tie means |rest| is half an ulp of result.
  v = result - uh;
  const rest = uh - (result - v) + (s - v);
  if (rest === 0) return;
  const other = result + 2 * rest;
  if (other - result !== 2 * rest) return;
  // At a tie the exact value uh + s + se lies on the side of se.
  if (se > 0 === rest > 0) exactResult[0] = other;
}

/*
 * Constants and the 2^(k/128) table of glibc's exp (sysdeps/ieee754/dbl-64/e_exp.c, from Arm's
 * optimized-routines, MIT / Apache-2.0 WITH LLVM-exception). Table entries alternate the tail
 * and the bits of 2^(k/128) − (k << 45), as in glibc.
 */
const [INV_LN2_N, NEG_LN2_HI_N, NEG_LN2_LO_N, C2, C3, C4, C5, SHIFT] = Array.from(
  doublesFromHex([
    '40671547652b82fe',
    'bf762e42fefa0000',
    'bd0cf79abc9e3b3a',
    '3fdffffffffffdbd',
    '3fc555555555543c',
    '3fa55555cf172b91',
    '3f81111167a4d017',
    '4338000000000000',
  ]),
) as [number, number, number, number, number, number, number, number];

const EXP_TABLE = doublesFromHex([
  '0000000000000000',
  '3ff0000000000000',
  '3c9b3b4f1a88bf6e',
  '3feff63da9fb3335',
  'bc7160139cd8dc5d',
  '3fefec9a3e778061',
  'bc905e7a108766d1',
  '3fefe315e86e7f85',
  '3c8cd2523567f613',
  '3fefd9b0d3158574',
  'bc8bce8023f98efa',
  '3fefd06b29ddf6de',
  '3c60f74e61e6c861',
  '3fefc74518759bc8',
  '3c90a3e45b33d399',
  '3fefbe3ecac6f383',
  '3c979aa65d837b6d',
  '3fefb5586cf9890f',
  '3c8eb51a92fdeffc',
  '3fefac922b7247f7',
  '3c3ebe3d702f9cd1',
  '3fefa3ec32d3d1a2',
  'bc6a033489906e0b',
  '3fef9b66affed31b',
  'bc9556522a2fbd0e',
  '3fef9301d0125b51',
  'bc5080ef8c4eea55',
  '3fef8abdc06c31cc',
  'bc91c923b9d5f416',
  '3fef829aaea92de0',
  '3c80d3e3e95c55af',
  '3fef7a98c8a58e51',
  'bc801b15eaa59348',
  '3fef72b83c7d517b',
  'bc8f1ff055de323d',
  '3fef6af9388c8dea',
  '3c8b898c3f1353bf',
  '3fef635beb6fcb75',
  'bc96d99c7611eb26',
  '3fef5be084045cd4',
  '3c9aecf73e3a2f60',
  '3fef54873168b9aa',
  'bc8fe782cb86389d',
  '3fef4d5022fcd91d',
  '3c8a6f4144a6c38d',
  '3fef463b88628cd6',
  '3c807a05b0e4047d',
  '3fef3f49917ddc96',
  '3c968efde3a8a894',
  '3fef387a6e756238',
  '3c875e18f274487d',
  '3fef31ce4fb2a63f',
  '3c80472b981fe7f2',
  '3fef2b4565e27cdd',
  'bc96b87b3f71085e',
  '3fef24dfe1f56381',
  '3c82f7e16d09ab31',
  '3fef1e9df51fdee1',
  'bc3d219b1a6fbffa',
  '3fef187fd0dad990',
  '3c8b3782720c0ab4',
  '3fef1285a6e4030b',
  '3c6e149289cecb8f',
  '3fef0cafa93e2f56',
  '3c834d754db0abb6',
  '3fef06fe0a31b715',
  '3c864201e2ac744c',
  '3fef0170fc4cd831',
  '3c8fdd395dd3f84a',
  '3feefc08b26416ff',
  'bc86a3803b8e5b04',
  '3feef6c55f929ff1',
  'bc924aedcc4b5068',
  '3feef1a7373aa9cb',
  'bc9907f81b512d8e',
  '3feeecae6d05d866',
  'bc71d1e83e9436d2',
  '3feee7db34e59ff7',
  'bc991919b3ce1b15',
  '3feee32dc313a8e5',
  '3c859f48a72a4c6d',
  '3feedea64c123422',
  'bc9312607a28698a',
  '3feeda4504ac801c',
  'bc58a78f4817895b',
  '3feed60a21f72e2a',
  'bc7c2c9b67499a1b',
  '3feed1f5d950a897',
  '3c4363ed60c2ac11',
  '3feece086061892d',
  '3c9666093b0664ef',
  '3feeca41ed1d0057',
  '3c6ecce1daa10379',
  '3feec6a2b5c13cd0',
  '3c93ff8e3f0f1230',
  '3feec32af0d7d3de',
  '3c7690cebb7aafb0',
  '3feebfdad5362a27',
  '3c931dbdeb54e077',
  '3feebcb299fddd0d',
  'bc8f94340071a38e',
  '3feeb9b2769d2ca7',
  'bc87deccdc93a349',
  '3feeb6daa2cf6642',
  'bc78dec6bd0f385f',
  '3feeb42b569d4f82',
  'bc861246ec7b5cf6',
  '3feeb1a4ca5d920f',
  '3c93350518fdd78e',
  '3feeaf4736b527da',
  '3c7b98b72f8a9b05',
  '3feead12d497c7fd',
  '3c9063e1e21c5409',
  '3feeab07dd485429',
  '3c34c7855019c6ea',
  '3feea9268a5946b7',
  '3c9432e62b64c035',
  '3feea76f15ad2148',
  'bc8ce44a6199769f',
  '3feea5e1b976dc09',
  'bc8c33c53bef4da8',
  '3feea47eb03a5585',
  'bc845378892be9ae',
  '3feea34634ccc320',
  'bc93cedd78565858',
  '3feea23882552225',
  '3c5710aa807e1964',
  '3feea155d44ca973',
  'bc93b3efbf5e2228',
  '3feea09e667f3bcd',
  'bc6a12ad8734b982',
  '3feea012750bdabf',
  'bc6367efb86da9ee',
  '3fee9fb23c651a2f',
  'bc80dc3d54e08851',
  '3fee9f7df9519484',
  'bc781f647e5a3ecf',
  '3fee9f75e8ec5f74',
  'bc86ee4ac08b7db0',
  '3fee9f9a48a58174',
  'bc8619321e55e68a',
  '3fee9feb564267c9',
  '3c909ccb5e09d4d3',
  '3feea0694fde5d3f',
  'bc7b32dcb94da51d',
  '3feea11473eb0187',
  '3c94ecfd5467c06b',
  '3feea1ed0130c132',
  '3c65ebe1abd66c55',
  '3feea2f336cf4e62',
  'bc88a1c52fb3cf42',
  '3feea427543e1a12',
  'bc9369b6f13b3734',
  '3feea589994cce13',
  'bc805e843a19ff1e',
  '3feea71a4623c7ad',
  'bc94d450d872576e',
  '3feea8d99b4492ed',
  '3c90ad675b0e8a00',
  '3feeaac7d98a6699',
  '3c8db72fc1f0eab4',
  '3feeace5422aa0db',
  'bc65b6609cc5e7ff',
  '3feeaf3216b5448c',
  '3c7bf68359f35f44',
  '3feeb1ae99157736',
  'bc93091fa71e3d83',
  '3feeb45b0b91ffc6',
  'bc5da9b88b6c1e29',
  '3feeb737b0cdc5e5',
  'bc6c23f97c90b959',
  '3feeba44cbc8520f',
  'bc92434322f4f9aa',
  '3feebd829fde4e50',
  'bc85ca6cd7668e4b',
  '3feec0f170ca07ba',
  '3c71affc2b91ce27',
  '3feec49182a3f090',
  '3c6dd235e10a73bb',
  '3feec86319e32323',
  'bc87c50422622263',
  '3feecc667b5de565',
  '3c8b1c86e3e231d5',
  '3feed09bec4a2d33',
  'bc91bbd1d3bcbb15',
  '3feed503b23e255d',
  '3c90cc319cee31d2',
  '3feed99e1330b358',
  '3c8469846e735ab3',
  '3feede6b5579fdbf',
  'bc82dfcd978e9db4',
  '3feee36bbfd3f37a',
  '3c8c1a7792cb3387',
  '3feee89f995ad3ad',
  'bc907b8f4ad1d9fa',
  '3feeee07298db666',
  'bc55c3d956dcaeba',
  '3feef3a2b84f15fb',
  'bc90a40e3da6f640',
  '3feef9728de5593a',
  'bc68d6f438ad9334',
  '3feeff76f2fb5e47',
  'bc91eee26b588a35',
  '3fef05b030a1064a',
  '3c74ffd70a5fddcd',
  '3fef0c1e904bc1d2',
  'bc91bdfbfa9298ac',
  '3fef12c25bd71e09',
  '3c736eae30af0cb3',
  '3fef199bdd85529c',
  '3c8ee3325c9ffd94',
  '3fef20ab5fffd07a',
  '3c84e08fd10959ac',
  '3fef27f12e57d14b',
  '3c63cdaf384e1a67',
  '3fef2f6d9406e7b5',
  '3c676b2c6c921968',
  '3fef3720dcef9069',
  'bc808a1883ccb5d2',
  '3fef3f0b555dc3fa',
  'bc8fad5d3ffffa6f',
  '3fef472d4a07897c',
  'bc900dae3875a949',
  '3fef4f87080d89f2',
  '3c74a385a63d07a7',
  '3fef5818dcfba487',
  'bc82919e2040220f',
  '3fef60e316c98398',
  '3c8e5a50d5c192ac',
  '3fef69e603db3285',
  '3c843a59ac016b4b',
  '3fef7321f301b460',
  'bc82d52107b43e1f',
  '3fef7c97337b9b5f',
  'bc892ab93b470dc9',
  '3fef864614f5a129',
  '3c74b604603a88d3',
  '3fef902ee78b3ff6',
  '3c83c5ec519d7271',
  '3fef9a51fbc74c83',
  'bc8ff7128fd391f0',
  '3fefa4afa2a490da',
  'bc8dae98e223747d',
  '3fefaf482d8e67f1',
  '3c8ec3bc41aa2008',
  '3fefba1bee615a27',
  '3c842b94c3a9eb32',
  '3fefc52b376bba97',
  '3c8a64a931d185ee',
  '3fefd0765b6e4540',
  'bc8e37bae43be3ed',
  '3fefdbfdad9cbe14',
  '3c77893b4d91cd9d',
  '3fefe7c1819e90d8',
  '3c5305c14160cc89',
  '3feff3c22b8f71f1',
]);
// The table stores 2^(k/128) with k << 45 subtracted so that glibc can add the exponent with an
// integer add; adding it back gives the plain double 2^(k/128), scaled below by an exact power of 2.
const TAIL = new Float64Array(128);
const SCALE = new Float64Array(128);
{
  const table = new DataView(EXP_TABLE.buffer);
  const scratch = new DataView(new ArrayBuffer(8));
  for (let k = 0; k < 128; k++) {
    TAIL[k] = EXP_TABLE[2 * k]!;
    scratch.setBigUint64(0, table.getBigUint64((2 * k + 1) * 8, true) + (BigInt(k) << 45n));
    SCALE[k] = scratch.getFloat64(0);
  }
}
const POW2_OFFSET = 1100;
const POW2 = Float64Array.from({ length: 2200 }, (_, i) => 2 ** (i - POW2_OFFSET));

/**
 * exp(x) bit-identical to glibc 2.28+ on x86-64 with FMA (the `__exp_fma` variant scikit-learn's
 * liblinear calls there), for |x| < 512. V8's Math.exp differs from it in ~6 % of results by one
 * ulp, enough to move liblinear's coefficients in the last bits. Outside that range (never reached
 * by the LC solver) Math.exp is used.
 */
export function glibcExp(x: number): number {
  expIn[0] = x;
  glibcExpInto(expIn, expOut, 1);
  return expOut[0]!;
}

const expIn = new Float64Array(1);
const expOut = new Float64Array(1);

/**
 * `target[i] = glibcExp(source[i])` for i < count, where exp is implemented. Each FMA's fast path
 * is written out inline (fp … fm, then the test of `fusedMultiplyAdd`): V8 stops inlining calls
 * after a budget, and a call that is not inlined boxes its double result, which cost a third of
 * the solver's time.
 */
export function glibcExpInto(source: Float64Array, target: Float64Array, count: number): void {
  let fp: number;
  let fs: number;
  let fv: number;
  let fe: number;
  let fm: number;
  let r: number;
  let t1: number;
  let t2: number;
  let t3: number;
  let t4: number;
  let y: number;
  for (let n = 0; n < count; n++) {
    const x = source[n]!;
    const ax = Math.abs(x);
    if (!(ax < 512)) {
      target[n] = Math.exp(x);
      continue;
    }
    if (ax < 5.551115123125783e-17) {
      target[n] = 1 + x; // |x| < 2^-54
      continue;
    }
    const z = INV_LN2_N * x;
    // kd = round(z) through the 1.5·2^52 shift, exactly as glibc; k = kd as an integer.
    const kd = z + SHIFT - SHIFT;
    const k = kd | 0;
    // kd·NEG_LN2_HI_N is exact (|kd| < 2^17, 36-bit constant), so that FMA is a plain addition.
    const rHigh = x + kd * NEG_LN2_HI_N;
    fp = kd * NEG_LN2_LO_N;
    fs = rHigh + fp;
    fv = fs - rHigh;
    fe = rHigh - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      r = fs;
    } else {
      exactFusedMultiplyAdd(kd, NEG_LN2_LO_N, rHigh);
      r = exactResult[0]!;
    }
    const idx = k & 127;
    const tail = TAIL[idx]!;
    const scale = SCALE[idx]! * POW2[(k >> 7) + POW2_OFFSET]!;
    const r2 = r * r;
    const r4 = r2 * r2;
    const tailR = tail + r;
    // tmp = (r2·(r·C3 + C2) + (tail + r)) + r4·(r·C5 + C4), each multiply-add fused.
    fp = r * C5;
    fs = C4 + fp;
    fv = fs - C4;
    fe = C4 - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      t1 = fs;
    } else {
      exactFusedMultiplyAdd(r, C5, C4);
      t1 = exactResult[0]!;
    }
    fp = r * C3;
    fs = C2 + fp;
    fv = fs - C2;
    fe = C2 - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      t2 = fs;
    } else {
      exactFusedMultiplyAdd(r, C3, C2);
      t2 = exactResult[0]!;
    }
    fp = r2 * t2;
    fs = tailR + fp;
    fv = fs - tailR;
    fe = tailR - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      t3 = fs;
    } else {
      exactFusedMultiplyAdd(r2, t2, tailR);
      t3 = exactResult[0]!;
    }
    fp = r4 * t1;
    fs = t3 + fp;
    fv = fs - t3;
    fe = t3 - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      t4 = fs;
    } else {
      exactFusedMultiplyAdd(r4, t1, t3);
      t4 = exactResult[0]!;
    }
    fp = scale * t4;
    fs = scale + fp;
    fv = fs - scale;
    fe = scale - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      y = fs;
    } else {
      exactFusedMultiplyAdd(scale, t4, scale);
      y = exactResult[0]!;
    }
    target[n] = y;
  }
}

/*
 * Constants and tables of glibc's log (sysdeps/ieee754/dbl-64/e_log.c, from Arm's
 * optimized-routines, MIT / Apache-2.0 WITH LLVM-exception): ln2 split, the polynomial A for the
 * main path, B for inputs near 1, and 128 (1/c, log c) pairs.
 */
const [LN2_HI, LN2_LO, A0, A1, A2, A3, A4, B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10] =
  Array.from(
    doublesFromHex([
      '3fe62e42fefa3800',
      '3d2ef35793c76730',
      'bfe0000000000001',
      '3fd555555551305b',
      'bfcfffffffeb4590',
      '3fc999b324f10111',
      'bfc55575e506c89f',
      'bfe0000000000000',
      '3fd5555555555577',
      'bfcffffffffffdcb',
      '3fc999999995dd0c',
      'bfc55555556745a7',
      '3fc24924a344de30',
      'bfbfffffa4423d65',
      '3fbc7184282ad6ca',
      'bfb999eb43b068ff',
      '3fb78182f7afd085',
      'bfb5521375d145cd',
    ]),
  ) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];

/** (invc, logc) pairs, interleaved. */
const LOG_TABLE = doublesFromHex([
  '3ff734f0c3e0de9f',
  'bfd7cc7f79e69000',
  '3ff713786a2ce91f',
  'bfd76feec20d0000',
  '3ff6f26008fab5a0',
  'bfd713e31351e000',
  '3ff6d1a61f138c7d',
  'bfd6b85b38287800',
  '3ff6b1490bc5b4d1',
  'bfd65d5590807800',
  '3ff69147332f0cba',
  'bfd602d076180000',
  '3ff6719f18224223',
  'bfd5a8ca86909000',
  '3ff6524f99a51ed9',
  'bfd54f4356035000',
  '3ff63356aa8f24c4',
  'bfd4f637c36b4000',
  '3ff614b36b9ddc14',
  'bfd49da7fda85000',
  '3ff5f66452c65c4c',
  'bfd445923989a800',
  '3ff5d867b5912c4f',
  'bfd3edf439b0b800',
  '3ff5babccb5b90de',
  'bfd396ce448f7000',
  '3ff59d61f2d91a78',
  'bfd3401e17bda000',
  '3ff5805612465687',
  'bfd2e9e2ef468000',
  '3ff56397cee76bd3',
  'bfd2941b3830e000',
  '3ff54725e2a77f93',
  'bfd23ec58cda8800',
  '3ff52aff42064583',
  'bfd1e9e129279000',
  '3ff50f22dbb2bddf',
  'bfd1956d2b48f800',
  '3ff4f38f4734ded7',
  'bfd141679ab9f800',
  '3ff4d843cfde2840',
  'bfd0edd094ef9800',
  '3ff4bd3ec078a3c8',
  'bfd09aa518db1000',
  '3ff4a27fc3e0258a',
  'bfd047e65263b800',
  '3ff4880524d48434',
  'bfcfeb224586f000',
  '3ff46dce1b192d0b',
  'bfcf474a7517b000',
  '3ff453d9d3391854',
  'bfcea4443d103000',
  '3ff43a2744b4845a',
  'bfce020d44e9b000',
  '3ff420b54115f8fb',
  'bfcd60a22977f000',
  '3ff40782da3ef4b1',
  'bfccc00104959000',
  '3ff3ee8f5d57fe8f',
  'bfcc202956891000',
  '3ff3d5d9a00b4ce9',
  'bfcb81178d811000',
  '3ff3bd60c010c12b',
  'bfcae2c9ccd3d000',
  '3ff3a5242b75dab8',
  'bfca45402e129000',
  '3ff38d22cd9fd002',
  'bfc9a877681df000',
  '3ff3755bc5847a1c',
  'bfc90c6d69483000',
  '3ff35dce49ad36e2',
  'bfc87120a645c000',
  '3ff34679984dd440',
  'bfc7d68fb4143000',
  '3ff32f5cceffcb24',
  'bfc73cb83c627000',
  '3ff3187775a10d49',
  'bfc6a39a9b376000',
  '3ff301c8373e3990',
  'bfc60b3154b7a000',
  '3ff2eb4ebb95f841',
  'bfc5737d76243000',
  '3ff2d50a0219a9d1',
  'bfc4dc7b8fc23000',
  '3ff2bef9a8b7fd2a',
  'bfc4462c51d20000',
  '3ff2a91c7a0c1bab',
  'bfc3b08abc830000',
  '3ff293726014b530',
  'bfc31b996b490000',
  '3ff27dfa5757a1f5',
  'bfc2875490a44000',
  '3ff268b39b1d3bbf',
  'bfc1f3b9f879a000',
  '3ff2539d838ff5bd',
  'bfc160c8252ca000',
  '3ff23eb7aac9083b',
  'bfc0ce7f57f72000',
  '3ff22a012ba940b6',
  'bfc03cdc49fea000',
  '3ff2157996cc4132',
  'bfbf57bdbc4b8000',
  '3ff201201dd2fc9b',
  'bfbe370896404000',
  '3ff1ecf4494d480b',
  'bfbd17983ef94000',
  '3ff1d8f5528f6569',
  'bfbbf9674ed8a000',
  '3ff1c52311577e7c',
  'bfbadc79202f6000',
  '3ff1b17c74cb26e9',
  'bfb9c0c3e7288000',
  '3ff19e010c2c1ab6',
  'bfb8a646b372c000',
  '3ff18ab07bb670bd',
  'bfb78d01b3ac0000',
  '3ff1778a25efbcb6',
  'bfb674f145380000',
  '3ff1648d354c31da',
  'bfb55e0e6d878000',
  '3ff151b990275fdd',
  'bfb4485cdea1e000',
  '3ff13f0ea432d24c',
  'bfb333d94d6aa000',
  '3ff12c8b7210f9da',
  'bfb22079f8c56000',
  '3ff11a3028ecb531',
  'bfb10e4698622000',
  '3ff107fbda8434af',
  'bfaffa6c6ad20000',
  '3ff0f5ee0f4e6bb3',
  'bfadda8d4a774000',
  '3ff0e4065d2a9fce',
  'bfabbcece4850000',
  '3ff0d244632ca521',
  'bfa9a1894012c000',
  '3ff0c0a77ce2981a',
  'bfa788583302c000',
  '3ff0af2f83c636d1',
  'bfa5715e67d68000',
  '3ff09ddb98a01339',
  'bfa35c8a49658000',
  '3ff08cabaf52e7df',
  'bfa149e364154000',
  '3ff07b9f2f4e28fb',
  'bf9e72c082eb8000',
  '3ff06ab58c358f19',
  'bf9a55f152528000',
  '3ff059eea5ecf92c',
  'bf963d62cf818000',
  '3ff04949cdd12c90',
  'bf9228fb8caa0000',
  '3ff038c6c6f0ada9',
  'bf8c317b20f90000',
  '3ff02865137932a9',
  'bf8419355daa0000',
  '3ff0182427ea7348',
  'bf781203c2ec0000',
  '3ff008040614b195',
  'bf60040979240000',
  '3fefe01ff726fa1a',
  '3f6feff384900000',
  '3fefa11cc261ea74',
  '3f87dc41353d0000',
  '3fef6310b081992e',
  '3f93cea3c4c28000',
  '3fef25f63ceeadcd',
  '3f9b9fc114890000',
  '3feee9c8039113e7',
  '3fa1b0d8ce110000',
  '3feeae8078cbb1ab',
  '3fa58a5bd001c000',
  '3fee741aa29d0c9b',
  '3fa95c8340d88000',
  '3fee3a91830a99b5',
  '3fad276aef578000',
  '3fee01e009609a56',
  '3fb07598e598c000',
  '3fedca01e577bb98',
  '3fb253f5e30d2000',
  '3fed92f20b7c9103',
  '3fb42edd8b380000',
  '3fed5cac66fb5cce',
  '3fb606598757c000',
  '3fed272caa5ede9d',
  '3fb7da76356a0000',
  '3fecf26e3e6b2ccd',
  '3fb9ab434e1c6000',
  '3fecbe6da2a77902',
  '3fbb78c7bb0d6000',
  '3fec8b266d37086d',
  '3fbd431332e72000',
  '3fec5894bd5d5804',
  '3fbf0a3171de6000',
  '3fec26b533bb9f8c',
  '3fc067152b914000',
  '3febf583eeece73f',
  '3fc147858292b000',
  '3febc4fd75db96c1',
  '3fc2266ecdca3000',
  '3feb951e0c864a28',
  '3fc303d7a6c55000',
  '3feb65e2c5ef3e2c',
  '3fc3dfc33c331000',
  '3feb374867c9888b',
  '3fc4ba366b7a8000',
  '3feb094b211d304a',
  '3fc5933928d1f000',
  '3feadbe885f2ef7e',
  '3fc66acd2418f000',
  '3feaaf1d31603da2',
  '3fc740f8ec669000',
  '3fea82e63fd358a7',
  '3fc815c0f51af000',
  '3fea5740ef09738b',
  '3fc8e92954f68000',
  '3fea2c2a90ab4b27',
  '3fc9bb3602f84000',
  '3fea01a01393f2d1',
  '3fca8bed1c2c0000',
  '3fe9d79f24db3c1b',
  '3fcb5b515c01d000',
  '3fe9ae2505c7b190',
  '3fcc2967ccbcc000',
  '3fe9852ef297ce2f',
  '3fccf635d5486000',
  '3fe95cbaeea44b75',
  '3fcdc1bd3446c000',
  '3fe934c69de74838',
  '3fce8c01b8cfe000',
  '3fe90d4f2f6752e6',
  '3fcf5509c0179000',
  '3fe8e6528effd79d',
  '3fd00e6c121fb800',
  '3fe8bfce9fcc007c',
  '3fd071b80e93d000',
  '3fe899c0dabec30e',
  '3fd0d46b9e867000',
  '3fe87427aa2317fb',
  '3fd13687334bd000',
  '3fe84f00acb39a08',
  '3fd1980d67234800',
  '3fe82a49e8653e55',
  '3fd1f8ffe0cc8000',
  '3fe8060195f40260',
  '3fd2595fd7636800',
  '3fe7e22563e0a329',
  '3fd2b9300914a800',
  '3fe7beb377dcb5ad',
  '3fd3187210436000',
  '3fe79baa679725c2',
  '3fd377266dec1800',
  '3fe77907f2170657',
  '3fd3d54ffbaf3000',
  '3fe756cadbd6130c',
  '3fd432eee32fe000',
]);

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/**
 * log(x) bit-identical to glibc 2.28+ on x86-64 with FMA (`__log_fma`, every multiply-add
 * contracted), which scikit-learn's liblinear line search calls. V8's Math.log differs from it
 * in a fraction of a percent of results. Non-finite, non-positive and subnormal inputs are
 * handled like glibc (the subnormal path by the same rescaling).
 */
export function glibcLog(x: number): number {
  logIn[0] = x;
  glibcLogInto(logIn, logOut, 1);
  return logOut[0]!;
}

const logIn = new Float64Array(1);
const logOut = new Float64Array(1);

/**
 * `target[i] = glibcLog(source[i])` for i < count. This is where log is implemented: the line
 * search calls it once per step for all rows, and each FMA's fast path is written out inline
 * (fp … fm, then the test of `fusedMultiplyAdd`) because the 12 FMAs of log exceed what V8 inlines
 * per function, and a non-inlined call boxes its result (measured: a third of the solver's time).
 */
export function glibcLogInto(source: Float64Array, target: Float64Array, count: number): void {
  let fp: number;
  let fs: number;
  let fv: number;
  let fe: number;
  let fm: number;
  for (let n = 0; n < count; n++) {
    const x = source[n]!;
    if (x >= 0.9375 && x < 1.064697265625) {
      if (x === 1) {
        target[n] = 0;
        continue;
      }
      const r = x - 1;
      const r2 = r * r;
      const r3 = r * r2;
      // p = r3·(r3·(r3·B10 + r2·B9 + r·B8 + B7) + r2·B6 + r·B5 + B4) + r2·B3 + r·B2 + B1, all FMAs.
      let t1: number;
      fp = r * B8;
      fs = B7 + fp;
      fv = fs - B7;
      fe = B7 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        t1 = fs;
      } else {
        exactFusedMultiplyAdd(r, B8, B7);
        t1 = exactResult[0]!;
      }
      fp = r2 * B9;
      fs = t1 + fp;
      fv = fs - t1;
      fe = t1 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        t1 = fs;
      } else {
        exactFusedMultiplyAdd(r2, B9, t1);
        t1 = exactResult[0]!;
      }
      fp = r3 * B10;
      fs = t1 + fp;
      fv = fs - t1;
      fe = t1 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        t1 = fs;
      } else {
        exactFusedMultiplyAdd(r3, B10, t1);
        t1 = exactResult[0]!;
      }
      let t2: number;
      fp = r * B5;
      fs = B4 + fp;
      fv = fs - B4;
      fe = B4 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        t2 = fs;
      } else {
        exactFusedMultiplyAdd(r, B5, B4);
        t2 = exactResult[0]!;
      }
      fp = r2 * B6;
      fs = t2 + fp;
      fv = fs - t2;
      fe = t2 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        t2 = fs;
      } else {
        exactFusedMultiplyAdd(r2, B6, t2);
        t2 = exactResult[0]!;
      }
      fp = r3 * t1;
      fs = t2 + fp;
      fv = fs - t2;
      fe = t2 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        t2 = fs;
      } else {
        exactFusedMultiplyAdd(r3, t1, t2);
        t2 = exactResult[0]!;
      }
      let t3: number;
      fp = r * B2;
      fs = B1 + fp;
      fv = fs - B1;
      fe = B1 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        t3 = fs;
      } else {
        exactFusedMultiplyAdd(r, B2, B1);
        t3 = exactResult[0]!;
      }
      fp = r2 * B3;
      fs = t3 + fp;
      fv = fs - t3;
      fe = t3 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        t3 = fs;
      } else {
        exactFusedMultiplyAdd(r2, B3, t3);
        t3 = exactResult[0]!;
      }
      let poly: number;
      fp = r3 * t2;
      fs = t3 + fp;
      fv = fs - t3;
      fe = t3 - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        poly = fs;
      } else {
        exactFusedMultiplyAdd(r3, t2, t3);
        poly = exactResult[0]!;
      }
      let w = r * 134217728;
      const rhi = r + w - w;
      const rlo = r - rhi;
      w = rhi * rhi * B0;
      const hi = r + w;
      let lo = r - hi + w;
      const b0rlo = B0 * rlo;
      const rhiR = rhi + r;
      fp = b0rlo * rhiR;
      fs = lo + fp;
      fv = fs - lo;
      fe = lo - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        lo = fs;
      } else {
        exactFusedMultiplyAdd(b0rlo, rhiR, lo);
        lo = exactResult[0]!;
      }
      let y: number;
      fp = r3 * poly;
      fs = lo + fp;
      fv = fs - lo;
      fe = lo - (fs - fv) + (fp - fv);
      fm = fp * PRODUCT_ERROR;
      if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
        y = fs;
      } else {
        exactFusedMultiplyAdd(r3, poly, lo);
        y = exactResult[0]!;
      }
      target[n] = y + hi;
      continue;
    }
    if (!(x > 0) || x === Number.POSITIVE_INFINITY) {
      target[n] = Math.log(x);
      continue;
    }
    scratch[0] = x;
    let high = words[HIGH]!;
    if (high < 0x00100000) {
      // Subnormal: scale into the normal range, then take 52·ln2 back through k.
      scratch[0] = x * 4503599627370496;
      high = words[HIGH]! - (52 << 20);
    }
    const tmp = (high - 0x3fe60000) | 0;
    const i = (tmp >>> 13) & 127;
    const k = tmp >> 20;
    words[HIGH] = (high - (tmp & 0xfff00000)) >>> 0;
    const z = scratch[0]!;
    const invc = LOG_TABLE[2 * i]!;
    const logc = LOG_TABLE[2 * i + 1]!;
    const minusOne = -1;
    let r: number;
    fp = z * invc;
    fs = minusOne + fp;
    fv = fs - minusOne;
    fe = minusOne - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      r = fs;
    } else {
      exactFusedMultiplyAdd(z, invc, minusOne);
      r = exactResult[0]!;
    }
    // k·LN2_HI is exact (|k| < 2^11, 42-bit constant), so that FMA is a plain addition.
    const w = k * LN2_HI + logc;
    const hi = w + r;
    const rest = w - hi + r;
    let lo: number;
    fp = k * LN2_LO;
    fs = rest + fp;
    fv = fs - rest;
    fe = rest - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      lo = fs;
    } else {
      exactFusedMultiplyAdd(k, LN2_LO, rest);
      lo = exactResult[0]!;
    }
    const r2 = r * r;
    const r3 = r * r2;
    let a1: number;
    fp = r * A4;
    fs = A3 + fp;
    fv = fs - A3;
    fe = A3 - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      a1 = fs;
    } else {
      exactFusedMultiplyAdd(r, A4, A3);
      a1 = exactResult[0]!;
    }
    let a2: number;
    fp = r * A2;
    fs = A1 + fp;
    fv = fs - A1;
    fe = A1 - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      a2 = fs;
    } else {
      exactFusedMultiplyAdd(r, A2, A1);
      a2 = exactResult[0]!;
    }
    let a3: number;
    fp = r2 * a1;
    fs = a2 + fp;
    fv = fs - a2;
    fe = a2 - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      a3 = fs;
    } else {
      exactFusedMultiplyAdd(r2, a1, a2);
      a3 = exactResult[0]!;
    }
    let a4: number;
    fp = r2 * A0;
    fs = lo + fp;
    fv = fs - lo;
    fe = lo - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      a4 = fs;
    } else {
      exactFusedMultiplyAdd(r2, A0, lo);
      a4 = exactResult[0]!;
    }
    let y: number;
    fp = r3 * a3;
    fs = a4 + fp;
    fv = fs - a4;
    fe = a4 - (fs - fv) + (fp - fv);
    fm = fp * PRODUCT_ERROR;
    if (fs + (fe + fm) * MARGIN === fs && fs + (fe - fm) * MARGIN === fs) {
      y = fs;
    } else {
      exactFusedMultiplyAdd(r3, a3, a4);
      y = exactResult[0]!;
    }
    target[n] = y + hi;
  }
}
