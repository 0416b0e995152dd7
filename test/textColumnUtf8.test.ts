import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {textColumn, textColumnUtf8} from "tierwise";

/** What encoding each value on its own gives. */
function expected(values: string[]) {
  const encoder = new TextEncoder();
  const parts = values.map((v) => encoder.encode(v));
  const offsets = [0];
  for (const p of parts) offsets.push(offsets.at(-1)! + p.length);
  return {data: [...parts.flatMap((p) => [...p])], offsets};
}

const plain = (c: {data: Uint8Array; offsets: Int32Array}) => ({data: [...c.data], offsets: [...c.offsets]});

describe("textColumnUtf8()", () => {
  it("gives each value's UTF-8 bytes: ASCII, two-, three- and four-byte characters, empty values", () => {
    const values = ["Acme", "", "Ærø", "华为", "😀x", ""];
    const utf8 = textColumnUtf8(textColumn(values));
    expect(plain(utf8)).toEqual(expected(values));
    expect([...utf8.offsets]).toEqual([0, 4, 4, 9, 15, 20, 20]);
    expect(plain(textColumnUtf8(textColumn(["ab", "c"])))).toEqual({data: [97, 98, 99], offsets: [0, 2, 3]});
  });

  it("encodes a lone surrogate as U+FFFD, and a pair split between two values as two of them", () => {
    const values = ["a\ud83d", "\ude00b", "\ud83d\ude00"];
    expect(plain(textColumnUtf8(textColumn(values)))).toEqual(expected(values));
    expect(plain(textColumnUtf8(textColumn(["\udc00x", "y\ud800"])))).toEqual(expected(["\udc00x", "y\ud800"]));
  });

  it("agrees with encoding value by value on any text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({unit: "binary"}), {maxLength: 8}), (values) => {
        expect(plain(textColumnUtf8(textColumn(values)))).toEqual(expected(values));
      })
    );
  });
});
