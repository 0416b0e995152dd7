import {describe, expect, it} from "vitest";
import {randomExponential} from "tierwise";

describe("randomExponential()", () => {
  const n = 400_000;
  const draws = Float64Array.from({length: n}, randomExponential(9, "test"));

  it("has mean 1 and variance 1 within 4 standard errors", () => {
    const mean = draws.reduce((a, b) => a + b, 0) / n;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    // SE of the mean is 1/√n; the variance of an exponential sample variance is (μ4 − σ⁴)/n = 8/n.
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(8 / n));
    expect(draws.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });

  it("follows the exponential distribution (Kolmogorov-Smirnov)", () => {
    const sorted = draws.slice().sort();
    let d = 0;
    for (let i = 0; i < n; ++i) {
      const f = 1 - Math.exp(-sorted[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    // The KS critical value at α = 0.001 is 1.949/√n.
    expect(d).toBeLessThan(1.949 / Math.sqrt(n));
  });

  it("reaches the tail beyond the ziggurat's base layer at the right rate", () => {
    // P(X > 7.697) = e^−7.697 ≈ 4.5e-4: about 181 of 400,000, Poisson SD ≈ 13.5.
    const tail = draws.filter((x) => x > 7.697117470131487).length;
    expect(Math.abs(tail - n * Math.exp(-7.697117470131487))).toBeLessThan(
      4 * Math.sqrt(n * Math.exp(-7.697117470131487))
    );
  });

  it("repeats itself for a seed and stream", () => {
    const a = randomExponential(3, "x");
    const b = randomExponential(3, "x");
    const first = Array.from({length: 5}, a);
    expect(Array.from({length: 5}, b)).toEqual(first);
    expect(randomExponential(4, "x")()).not.toBe(first[0]);
  });

  it("fills blocks with exactly the draws single calls give, in any mix of the two", () => {
    const single = randomExponential(11, "lifetimes");
    const expected = Float64Array.from({length: 200_000}, () => single());
    const mixed = randomExponential(11, "lifetimes");
    const got = new Float64Array(expected.length);
    let k = 0;
    for (let block = 1; k < got.length; block = (block * 7 + 3) % 1000) {
      const m = Math.min(block, got.length - k);
      mixed.fill(got.subarray(k, k + m));
      k += m;
      if (k < got.length) got[k++] = mixed();
    }
    expect(got).toEqual(expected);
    // The slow paths (base strip and wedges, about 1% of draws) were among them.
    expect(expected.filter((x) => x > 7.697117470131487).length).toBeGreaterThan(0);
  });
});
