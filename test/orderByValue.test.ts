import {describe, expect, it} from "vitest";
import {orderByValue, randomStream, type OrderScratch} from "tierwise";

describe("orderByValue()", () => {
  it("orderByValue() puts small inputs in increasing order", () => {
    expect(Array.from(orderByValue(Float64Array.of(3, 1, 2)))).toEqual([1, 2, 0]);
    expect(Array.from(orderByValue(new Float64Array(0)))).toEqual([]);
  });

  it("orderByValue() sorts large inputs by radix: negatives, zeros of both signs, infinities and ties", () => {
    const random = randomStream(3, "order");
    const n = 10_000;
    const specials = [-Infinity, Infinity, -0, 0, -1e-300, 1e-300, Number.MAX_VALUE, -Number.MAX_VALUE];
    const values = Float64Array.from({length: n}, (_, i) =>
      i < specials.length ? specials[i]! : i % 3 === 0 ? Math.round(20 * random()) - 10 : (random() - 0.5) * 1e6
    );
    const order = orderByValue(values);
    expect(new Set(order).size).toBe(n);
    const sorted = Array.from(order, (i) => values[i]!);
    expect(sorted).toEqual(Array.from(values).sort((a, b) => a - b));
    // −0 just before +0.
    const zeros = Array.from(order).filter((i) => values[i] === 0);
    expect(Object.is(values[zeros[0]!], -0)).toBe(true);
    expect(sorted[0]).toBe(-Infinity);
    expect(sorted[n - 1]).toBe(Infinity);
  });

  it("orderByValue() reuses the scratch buffers it is given", () => {
    const scratch: OrderScratch = {};
    const values = Float64Array.from({length: 5000}, (_, i) => (i * 7919) % 5000);
    const first = orderByValue(values, scratch);
    // A permutation of 0..4999: value k sits at the k-th place.
    expect(Array.from(first, (i) => values[i]!)).toEqual(Array.from({length: 5000}, (_, k) => k));
    const buffer = scratch.order;
    orderByValue(
      values.map((x) => -x),
      scratch
    );
    expect(scratch.order).toBe(buffer);
  });
});
