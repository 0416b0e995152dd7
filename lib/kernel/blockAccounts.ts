// The simulation's hot loop in AssemblyScript, compiled to WebAssembly by `npm run build:kernel`
// (scripts/build-kernel.ts), which writes the module's bytes into lib/src/simulation/kernelWasm.ts.
// It is `blockAccounts` of lib/src/simulation/simulateBlocks.ts, statement for statement: the same
// draws, the same comparisons and the same additions in the same order, so it gives the same
// numbers to the last bit (test/kernelWasm.test.ts runs both). Only the engine differs: this one
// keeps its state in registers and reads memory without bounds checks.
//
// Memory is the caller's (imported). At address 0, six 32-bit words: the xoshiro128** state
// (a, b, c, d), the unused layer bits and their count; read at the start, written at the end.
// Every other argument is a count or the address of an array laid out as in KernelPlan and
// simulateBlocks, for `count` consecutive accounts.

// The ziggurat's slow path, exponentialSlow of lib/src/random/randomExponential.ts, with the
// uniforms it draws from the state at address 0 and the fdlibm exp and log of
// lib/src/math/deterministic.ts, operation for operation: here rather than called in JavaScript,
// which cost about 5% of the kernel's time.

/** The ziggurat's rightmost layer's abscissa, as randomExponential's R. */
const R: f64 = 7.697117470131487;

/** The next output of the xoshiro128** state at address 0, which it advances. */
function next(): u32 {
  let a = load<u32>(0);
  let b = load<u32>(4);
  let c = load<u32>(8);
  let d = load<u32>(12);
  const result: u32 = rotl<u32>(b * 5, 7) * 9;
  const t = b << 9;
  c ^= a;
  d ^= b;
  b ^= c;
  a ^= d;
  c ^= t;
  d = rotl<u32>(d, 11);
  store<u32>(0, a);
  store<u32>(4, b);
  store<u32>(8, c);
  store<u32>(12, d);
  return result;
}

/** A uniform in [0, 1) from two outputs, 53 bits, as randomExponential's uniform. */
function uniform(): f64 {
  const high = <f64>(next() >>> 5);
  const low = <f64>(next() >>> 6);
  return (high * 67108864 + low) / 9007199254740992;
}

/** The slow path of a draw that missed layer i's rectangle with output j; NaN to draw again. */
function slow(i: i32, j: u32, WE: usize, FE: usize): f64 {
  if (i == 0) return R - logD(1 - uniform());
  const x = <f64>j * load<f64>(WE + ((<usize>i) << 3));
  const fi = load<f64>(FE + ((<usize>i) << 3));
  const below = load<f64>(FE + ((<usize>(i - 1)) << 3));
  return fi + uniform() * (below - fi) < expD(-x) ? x : NaN;
}

/** 2^k for an integer k in [−1022, 1023], from its bits. */
function twoTo(k: i32): f64 {
  return reinterpret<f64>((<i64>(k + 1023)) << 52);
}

/** deterministic.ts's exp (fdlibm's e_exp.c). */
function expD(x: f64): f64 {
  if (x != x) return NaN;
  if (x > 709.782712893383973096) return Infinity;
  if (x < -745.13321910194110842) return 0;
  let hi = x;
  let lo: f64 = 0;
  let k: i32 = 0;
  const ax = abs<f64>(x);
  if (ax > 0.5 * 0.6931471805599453) {
    k =
      ax < 1.5 * 0.6931471805599453
        ? x > 0
          ? 1
          : -1
        : <i32>trunc<f64>(1.442695040888963387 * x + (x > 0 ? 0.5 : -0.5));
    hi = x - <f64>k * 6.9314718036912381649e-1;
    lo = <f64>k * 1.90821492927058770002e-10;
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = x * x;
  const c =
    x -
    t *
      (1.66666666666666019037e-1 +
        t *
          (-2.77777777770155933842e-3 +
            t * (6.61375632143793436117e-5 + t * (-1.6533902205465251539e-6 + t * 4.13813679705723846039e-8))));
  if (k == 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  return k >= -1021 ? y * twoTo(k) : y * twoTo(k + 1000) * 9.3326361850321887899e-302;
}

/** deterministic.ts's log (fdlibm's e_log.c). */
function logD(x: f64): f64 {
  const ln2Hi: f64 = 6.9314718036912381649e-1;
  const ln2Lo: f64 = 1.90821492927058770002e-10;
  let hx = <i32>(reinterpret<i64>(x) >> 32);
  const lx = <i32>reinterpret<i64>(x);
  let k: i32 = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) == 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= 1.8014398509481984e16;
    hx = <i32>(reinterpret<i64>(x) >> 32);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  // The high word replaced, the low word kept.
  x = reinterpret<f64>(((<i64>(hx | (i ^ 0x3ff00000))) << 32) | (reinterpret<i64>(x) & 0xffffffff));
  k += i >> 20;
  const f = x - 1;
  const dk = <f64>k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f == 0) return k == 0 ? 0 : dk * ln2Hi + dk * ln2Lo;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k == 0 ? f - r : dk * ln2Hi - (r - dk * ln2Lo - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (3.999999999940941908e-1 + w * (2.222219843214978396e-1 + w * 1.531383769920937332e-1));
  const t2 =
    z *
    (6.66666666666673513e-1 +
      w * (2.857142874366239149e-1 + w * (1.818357216161805012e-1 + w * 1.479819860511658591e-1)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * ln2Hi - (hfsq - (s * (hfsq + r) + dk * ln2Lo) - f);
  }
  return k == 0 ? f - s * (f - r) : dk * ln2Hi - (s * (f - r) - dk * ln2Lo - f);
}

// The block's cumulative-hazard thresholds and lookup tables, as simulateBlocks computes them in
// JavaScript: the "shocks" stream's xoshiro128** state at address 32 (four words), its spare
// normal at 48 (NaN if none); each industry's hazard multipliers drawn by randomNormal's polar
// method and the fdlibm exp and log above, operation for operation.

/** The next output of the shocks stream's state at address 32, which it advances. */
function nextShock(): u32 {
  let a = load<u32>(32);
  let b = load<u32>(36);
  let c = load<u32>(40);
  let d = load<u32>(44);
  const result: u32 = rotl<u32>(b * 5, 7) * 9;
  const t = b << 9;
  c ^= a;
  d ^= b;
  b ^= c;
  a ^= d;
  c ^= t;
  d = rotl<u32>(d, 11);
  store<u32>(32, a);
  store<u32>(36, b);
  store<u32>(40, c);
  store<u32>(44, d);
  return result;
}

/** randomStream's uniform from the shocks stream. */
function uniformShock(): f64 {
  const high = <f64>(nextShock() >>> 5);
  const low = <f64>(nextShock() >>> 6);
  return (high * 67108864 + low) / 9007199254740992;
}

/** randomNormal's draw from the shocks stream: the spare value of the last pair, else a new pair. */
function normalShock(): f64 {
  const spare = load<f64>(48);
  if (spare == spare) {
    store<f64>(48, NaN);
    return spare;
  }
  let u: f64;
  let v: f64;
  let s: f64;
  do {
    u = 2 * uniformShock() - 1;
    v = 2 * uniformShock() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  const f = sqrt<f64>((-2 * logD(s)) / s);
  store<f64>(48, v * f);
  return u * f;
}

/** The thresholds and tables of `trials` trials of a block (see simulateBlocks), laid out as it lays them out. */
export function thresholds(
  trials: i32,
  J: i32,
  H: i32,
  Q: i32,
  sigma: f64,
  logSurvival: usize,
  threshold: usize,
  table: usize
): void {
  const drift = (sigma * sigma) / 2;
  const TH = H + 2;
  for (let slot = 0; slot < trials; ++slot) {
    for (let j = 0; j < J; ++j) {
      const sj = slot * J + j;
      const base = threshold + ((<usize>(sj * TH)) << 3);
      let cumulative: f64 = 0;
      for (let t = 0; t < H; ++t) {
        const shock = sigma > 0 ? expD(sigma * normalShock() - drift) : 1;
        cumulative -= load<f64>(logSurvival + ((<usize>(j * H + t)) << 3)) * shock;
        store<f64>(base + ((<usize>t) << 3), cumulative);
      }
      store<f64>(base + ((<usize>H) << 3), Infinity);
      let f = 0;
      while (f < H && load<f64>(base + ((<usize>f) << 3)) < Infinity) ++f;
      const last = f > 0 ? load<f64>(base + ((<usize>(f - 1)) << 3)) : 0;
      const scale = last > 0 ? <f64>Q / last : 0;
      store<f64>(base + ((<usize>(H + 1)) << 3), scale);
      const row = table + <usize>(sj * (Q + 2));
      memory.fill(row, 0, <usize>(Q + 2));
      if (scale > 0) {
        for (let u = 0; u < f; ++u) {
          const bucket = floor<f64>(load<f64>(base + ((<usize>u) << 3)) * scale);
          if (bucket <= <f64>Q) {
            const at = row + <usize>(<i32>bucket + 1);
            store<u8>(at, load<u8>(at) + 1);
          }
        }
        for (let q = 1; q <= Q + 1; ++q) {
          const at = row + <usize>q;
          store<u8>(at, load<u8>(at) + load<u8>(at - 1));
        }
      }
    }
  }
}

/** Accounts [0, count) of the arrays over `trials` trials of a block, adding into their records. */
export function accounts(
  count: i32,
  H: i32,
  J: i32,
  cash: i32,
  Q: i32,
  trials: i32,
  F: usize,
  tierOf: usize,
  industryOf: usize,
  inverseRisk: usize,
  fateOf: usize,
  deadForm: usize,
  lifetimes: usize,
  records: usize,
  threshold: usize,
  table: usize,
  KE: usize,
  WE: usize,
  FE: usize,
  scratch: usize
): void {
  const W = H + 1;
  const TH = H + 2;
  const JT = J * (Q + 2);
  const JH = J * TH;
  // A trial's record (see recordOffsets): 5 NPVs, 20 fates, then alive, cash and dead cash.
  const atFate = 5;
  const atAlive = atFate + 20;
  const atCash = atAlive + 5 * W;
  const atDead = atCash + 5 * W;
  const R = atDead + 5 * (W + 1);
  let a = load<u32>(0);
  let b = load<u32>(4);
  let c = load<u32>(8);
  let d = load<u32>(12);
  let byte = load<u32>(16);
  let bytes = load<i32>(20);
  const valueOf = scratch;
  const paidOf = scratch + ((<usize>W) << 3);
  const last = <f64>(Q + 1);
  for (let i = 0; i < count; ++i) {
    const risk = load<f64>(inverseRisk + ((<usize>i) << 3));
    const j = <i32>load<u16>(industryOf + ((<usize>i) << 1));
    const g = <i32>load<u8>(tierOf + <usize>i);
    const row = F + ((<usize>(2 * W * i)) << 3);
    const own = i * W;
    const dead = load<u8>(deadForm + <usize>i) == 1;
    for (let L = 0; L <= H; ++L) {
      const paid = load<f64>(row + ((<usize>(L < H ? L + 1 : H)) << 3));
      store<f64>(paidOf + ((<usize>L) << 3), paid);
      store<f64>(
        valueOf + ((<usize>L) << 3),
        load<f64>(row + ((<usize>(W + L)) << 3)) + load<f64>(row + ((<usize>L) << 3)) - paid
      );
    }
    const npvAt = (<usize>g) << 3;
    const aliveAt = (<usize>(atAlive + g * W)) << 3;
    const cashAt = atCash + g * W;
    const deadAt = (<usize>(atDead + g * (W + 1) + 1)) << 3;
    const fates = fateOf + <usize>own;
    let tableAt = table + <usize>(j * (Q + 2));
    let thresholdAt = threshold + ((<usize>(j * TH)) << 3);
    let record = records;
    for (
      let slot = 0;
      slot < trials;
      ++slot, record += (<usize>R) << 3, tableAt += <usize>JT, thresholdAt += (<usize>JH) << 3
    ) {
      // A standard exponential by the ziggurat, as randomExponential's fill.
      let x: f64 = 0;
      while (true) {
        const draw: u32 = rotl<u32>(b * 5, 7) * 9;
        let t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = rotl<u32>(d, 11);
        if (bytes == 0) {
          byte = rotl<u32>(b * 5, 7) * 9;
          t = b << 9;
          c ^= a;
          d ^= b;
          b ^= c;
          a ^= d;
          c ^= t;
          d = rotl<u32>(d, 11);
          bytes = 4;
        }
        const layer = byte & 255;
        byte >>= 8;
        --bytes;
        if (<f64>draw < load<f64>(KE + ((<usize>layer) << 3))) {
          x = <f64>draw * load<f64>(WE + ((<usize>layer) << 3));
          break;
        }
        store<u32>(0, a);
        store<u32>(4, b);
        store<u32>(8, c);
        store<u32>(12, d);
        x = slow(layer, draw, WE, FE);
        a = load<u32>(0);
        b = load<u32>(4);
        c = load<u32>(8);
        d = load<u32>(12);
        if (x == x) break;
      }
      const e = x * risk;
      const bucket = <i32>min(e * load<f64>(thresholdAt + ((<usize>(H + 1)) << 3)), last);
      let L = <i32>load<u8>(tableAt + <usize>bucket);
      while (load<f64>(thresholdAt + ((<usize>L) << 3)) <= e) ++L;
      const value = load<f64>(valueOf + ((<usize>L) << 3));
      store<f64>(record + npvAt, load<f64>(record + npvAt) + value);
      const fate = record + ((<usize>(atFate + <i32>load<u8>(fates + <usize>L))) << 3);
      store<f64>(fate, load<f64>(fate) + load<f64>(paidOf + ((<usize>L) << 3)));
      const alive = record + aliveAt + ((<usize>L) << 3);
      store<f64>(alive, load<f64>(alive) + 1);
      const lived = lifetimes + ((<usize>(own + L)) << 2);
      store<u32>(lived, load<u32>(lived) + 1);
      if (cash) {
        const gone = record + deadAt + ((<usize>L) << 3);
        store<f64>(gone, load<f64>(gone) + value);
        // See KernelPlan.deadForm: the years it lived, or those it did not.
        if (dead) {
          for (let u = L + 1; u <= H; ++u) {
            const at = record + ((<usize>(cashAt + u)) << 3);
            store<f64>(at, load<f64>(at) - load<f64>(row + ((<usize>(W + u)) << 3)));
          }
        } else {
          for (let u = 1; u <= L; ++u) {
            const at = record + ((<usize>(cashAt + u)) << 3);
            store<f64>(at, load<f64>(at) + load<f64>(row + ((<usize>(W + u)) << 3)));
          }
        }
      }
    }
  }
  store<u32>(0, a);
  store<u32>(4, b);
  store<u32>(8, c);
  store<u32>(12, d);
  store<u32>(16, byte);
  store<i32>(20, bytes);
}
