import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { scramble, unscramble } from "./permutation";

describe("scramble", () => {
  it("is a bijection on a small width (checked exhaustively)", () => {
    const bits = 12;
    const seen = new Set<bigint>();
    for (let value = 0n; value < 1n << BigInt(bits); value++) {
      const scrambled = scramble(value, bits);
      assert.ok(scrambled >= 0n && scrambled < 1n << BigInt(bits));
      seen.add(scrambled);
    }
    assert.equal(seen.size, 1 << bits);
  });

  it("is undone by unscramble at any width", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 300 }),
        fc.bigInt({ min: 0n, max: (1n << 300n) - 1n }),
        (bits, raw) => {
          const value = raw & ((1n << BigInt(bits)) - 1n);
          assert.equal(unscramble(scramble(value, bits), bits), value);
        },
      ),
    );
  });
});
