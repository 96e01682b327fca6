import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { normalisePostcode } from "./postcode";

describe("normalisePostcode", () => {
  it("writes postcodes as 1234AB", () => {
    for (const input of ["1234 ab", "1234AB", " 1234  Ab ", "1234\u00a0aB"]) {
      assert.deepEqual(normalisePostcode(input), { ok: true, value: "1234AB" }, input);
    }
  });

  it("rejects what is not a Dutch postcode", () => {
    assert.deepEqual(normalisePostcode(" "), { ok: false, problem: "empty" });
    for (const input of ["0123AB", "123AB", "12345AB", "1234A", "1234ABC", "1234-AB", "AB1234", "1234 Ä B"]) {
      assert.deepEqual(normalisePostcode(input), { ok: false, problem: "invalid-format" }, input);
    }
  });

  it("is idempotent", () => {
    const postcode = fc
      .tuple(
        fc.integer({ min: 1000, max: 9999 }),
        fc.stringMatching(/^[a-zA-Z]{2}$/),
        fc.constantFrom("", " ", "  "),
      )
      .map(([digits, letters, space]) => `${digits}${space}${letters}`);
    fc.assert(
      fc.property(postcode, (input) => {
        const first = normalisePostcode(input);
        assert.ok(first.ok);
        assert.deepEqual(normalisePostcode(first.value), first);
      }),
    );
  });
});
