import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { checkValue, hasValidCheck } from "./check-character";

const symbols = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 30 });

describe("check character", () => {
  it("makes every payload with its check value valid", () => {
    fc.assert(fc.property(symbols, (payload) => hasValidCheck([...payload, checkValue(payload)])));
  });

  it("detects every adjacent transposition of every pair of symbols", () => {
    const prefix = [3, 14, 15, 9, 26];
    for (let position = 0; position < prefix.length - 1; position++) {
      for (let a = 0; a < 32; a++) {
        for (let b = 0; b < 32; b++) {
          if (a === b) continue;
          const payload = prefix.with(position, a).with(position + 1, b);
          const swapped = payload.with(position, b).with(position + 1, a);
          assert.equal(hasValidCheck([...swapped, checkValue(payload)]), false, `${a}/${b} at ${position}`);
        }
      }
    }
  });

  it("detects the transposition of the last payload symbol and the check symbol", () => {
    for (let last = 0; last < 32; last++) {
      const payload = [7, 7, 7, 7, last];
      const check = checkValue(payload);
      if (check === last) continue;
      assert.equal(hasValidCheck([7, 7, 7, 7, check, last]), false);
    }
  });

  it("detects every single substitution", () => {
    fc.assert(
      fc.property(symbols, fc.nat(), fc.integer({ min: 1, max: 31 }), (payload, at, delta) => {
        const body = [...payload, checkValue(payload)];
        const position = at % body.length;
        body[position] = ((body[position] ?? 0) + delta) % 32;
        return !hasValidCheck(body);
      }),
    );
  });
});
