// FIPS 180-4's round constants: the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes; the initial hash, of the square roots of the first 8.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** An incremental SHA-256 of text, hashed as UTF-8. */
export interface Sha256 {
  /** Adds text; returns the same hash, to chain. */
  update(text: string): Sha256;
  /** The digest as 64 lower-case hex digits; the hash cannot be updated after. */
  hex(): string;
}

/**
 * SHA-256 (FIPS 180-4) of UTF-8 text, in pure TypeScript so that Node, a browser and a worker give
 * the same digest synchronously (Web Crypto's is asynchronous and absent outside secure origins).
 * Lone surrogates are hashed as U+FFFD, as TextEncoder encodes them.
 *
 * @example
 * sha256().update("abc").hex(); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export function sha256(): Sha256 {
  const h = Uint32Array.from(H0);
  const w = new Uint32Array(64);
  const block = new Uint8Array(64);
  let filled = 0;
  let bytes = 0;
  let done = false;
  const compress = () => {
    for (let i = 0; i < 16; ++i)
      w[i] = (block[4 * i]! << 24) | (block[4 * i + 1]! << 16) | (block[4 * i + 2]! << 8) | block[4 * i + 3]!;
    for (let i = 16; i < 64; ++i) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let [a, b, c, d, e, f, g, k] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; ++i) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (k + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      [k, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
    }
    h[0]! += a;
    h[1]! += b;
    h[2]! += c;
    h[3]! += d;
    h[4]! += e;
    h[5]! += f;
    h[6]! += g;
    h[7]! += k;
  };
  const push = (byte: number) => {
    block[filled++] = byte;
    ++bytes;
    if (filled === 64) {
      compress();
      filled = 0;
    }
  };
  const hash: Sha256 = {
    update(text) {
      if (done) throw new Error("sha256: update after hex()");
      for (let i = 0; i < text.length; ++i) {
        let c = text.charCodeAt(i);
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            ++i;
          } else c = 0xfffd;
        } else if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
        if (c < 0x80) push(c);
        else if (c < 0x800) {
          push(0xc0 | (c >> 6));
          push(0x80 | (c & 63));
        } else if (c < 0x10000) {
          push(0xe0 | (c >> 12));
          push(0x80 | ((c >> 6) & 63));
          push(0x80 | (c & 63));
        } else {
          push(0xf0 | (c >> 18));
          push(0x80 | ((c >> 12) & 63));
          push(0x80 | ((c >> 6) & 63));
          push(0x80 | (c & 63));
        }
      }
      return hash;
    },
    hex() {
      if (!done) {
        done = true;
        const bits = bytes * 8;
        push(0x80);
        while (filled !== 56) push(0);
        const high = Math.floor(bits / 4294967296);
        for (const word of [high, bits >>> 0]) for (let s = 24; s >= 0; s -= 8) push((word >>> s) & 255);
      }
      return [...h].map((x) => x.toString(16).padStart(8, "0")).join("");
    }
  };
  return hash;
}
