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

/** The ziggurat's slow path (exponentialSlow) on the state at address 0; NaN to draw again. */
declare function slow(layer: i32, draw: u32): f64;

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
        x = slow(layer, draw);
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
