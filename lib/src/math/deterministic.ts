// Math.exp, Math.log and ** are not specified to the last bit, and V8 has changed them between
// releases: Node 20 and Chromium 156 disagree in the last bit for about one input in ten. The
// simulation uses these instead, ports of fdlibm's e_exp.c and e_log.c (Sun Microsystems, 1993)
// built from IEEE 754 additions, multiplications and divisions alone, so that the same seed gives
// the same numbers in Node and in every browser. Both are within one ulp of the true value.

const buffer = new ArrayBuffer(8);
const float = new Float64Array(buffer);
const words = new Int32Array(buffer);
// Which 32-bit word holds the sign and exponent, whatever the host's byte order.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

const ln2Hi = 6.9314718036912381649e-1;
const ln2Lo = 1.90821492927058770002e-10;
const invLn2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const twoM1000 = 9.3326361850321887899e-302;

/** 2^k for an integer k in [−1022, 1023], from its bits. */
function twoTo(k: number): number {
  words[HI] = (k + 1023) << 20;
  words[LO] = 0;
  return float[0]!;
}

/**
 * e^x, the same to the last bit on every platform (fdlibm's algorithm: argument reduction by ln 2
 * and a degree-5 Remez polynomial), within one ulp of the true value.
 *
 * @example
 * exp(1); // 2.718281828459045
 */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893383973096) return Infinity;
  if (x < -745.13321910194110842) return 0;
  let hi = x;
  let lo = 0;
  let k = 0;
  const ax = Math.abs(x);
  if (ax > 0.5 * 0.6931471805599453) {
    k = ax < 1.5 * 0.6931471805599453 ? (x > 0 ? 1 : -1) : Math.trunc(invLn2 * x + (x > 0 ? 0.5 : -0.5));
    hi = x - k * ln2Hi;
    lo = k * ln2Lo;
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  return k >= -1021 ? y * twoTo(k) : y * twoTo(k + 1000) * twoM1000;
}

const two54 = 1.8014398509481984e16;
const Lg1 = 6.66666666666673513e-1;
const Lg2 = 3.999999999940941908e-1;
const Lg3 = 2.857142874366239149e-1;
const Lg4 = 2.222219843214978396e-1;
const Lg5 = 1.818357216161805012e-1;
const Lg6 = 1.531383769920937332e-1;
const Lg7 = 1.479819860511658591e-1;

/**
 * The natural logarithm, the same to the last bit on every platform (fdlibm's algorithm), within
 * one ulp of the true value. log(0) is −Infinity; a negative argument gives NaN.
 *
 * @example
 * log(Math.E); // 1
 */
export function log(x: number): number {
  float[0] = x;
  let hx = words[HI]!;
  const lx = words[LO]!;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= two54;
    float[0] = x;
    hx = words[HI]!;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  words[HI] = hx | (i ^ 0x3ff00000);
  x = float[0]!;
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * ln2Hi + dk * ln2Lo;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : dk * ln2Hi - (R - dk * ln2Lo - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * ln2Hi - (hfsq - (s * (hfsq + R) + dk * ln2Lo) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * ln2Hi - (s * (f - R) - dk * ln2Lo - f);
}

/**
 * b^e, the same to the last bit on every platform: by repeated squaring for an integer exponent
 * (as discounting needs), else as exp(e · log b). Zero and negative bases follow Math.pow.
 *
 * @example
 * pow(1.1, 3); // 1.3310000000000004
 */
export function pow(b: number, e: number): number {
  if (e === 0) return 1;
  if (Number.isInteger(e) && Math.abs(e) <= 1024) {
    let result = 1;
    let base = b;
    for (let n = Math.abs(e); n > 0; n >>>= 1) {
      if (n & 1) result *= base;
      base *= base;
    }
    return e < 0 ? 1 / result : result;
  }
  if (b > 0) return exp(e * log(b));
  // eslint-disable-next-line no-restricted-syntax -- a zero or negative base with a fractional exponent: 0, ±Infinity or NaN, exact everywhere
  return b ** e;
}
