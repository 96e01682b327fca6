import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { normaliseBsn, normaliseRsin } from "./bsn";
import { validBsn } from "./test-arbitraries";

describe("normaliseBsn", () => {
  it("strips spaces, dots and dashes", () => {
    assert.deepEqual(normaliseBsn(" 2495.66.758 "), { ok: true, value: "249566758" });
    assert.deepEqual(normaliseBsn("249-566-758"), { ok: true, value: "249566758" });
    assert.deepEqual(normaliseBsn("2495\u00a066\u2013758"), { ok: true, value: "249566758" });
  });

  it("gives a legacy eight-digit number its leading zero back", () => {
    // 012345672: 0+8+14+18+20+20+18+14-2 = 110
    assert.deepEqual(normaliseBsn("12345672"), { ok: true, value: "012345672" });
  });

  it("returns typed problems", () => {
    assert.deepEqual(normaliseBsn(""), { ok: false, problem: "empty" });
    assert.deepEqual(normaliseBsn(" - . "), { ok: false, problem: "empty" });
    assert.deepEqual(normaliseBsn("24956675a"), { ok: false, problem: "not-digits" });
    assert.deepEqual(normaliseBsn("１２３４５６７８９"), { ok: false, problem: "not-digits" });
    assert.deepEqual(normaliseBsn("1234567"), { ok: false, problem: "wrong-length" });
    assert.deepEqual(normaliseBsn("2495667580"), { ok: false, problem: "wrong-length" });
    assert.deepEqual(normaliseBsn("249566757"), { ok: false, problem: "fails-eleven-test" });
    assert.deepEqual(normaliseBsn("000000000"), { ok: false, problem: "fails-eleven-test" });
    assert.deepEqual(normaliseBsn("00000000"), { ok: false, problem: "fails-eleven-test" });
  });

  it("round-trips any valid BSN with separators inserted", () => {
    const separator = fc.constantFrom("", " ", ".", "-", "  ");
    fc.assert(
      fc.property(validBsn, fc.array(separator, { minLength: 10, maxLength: 10 }), (bsn, separators) => {
        const spaced = [...bsn].map((digit, i) => `${separators[i]}${digit}`).join("") + separators[9];
        assert.deepEqual(normaliseBsn(spaced), { ok: true, value: bsn });
      }),
    );
  });
});

describe("normaliseRsin", () => {
  it("applies the same 11-proef", () => {
    assert.deepEqual(normaliseRsin("002564440"), { ok: true, value: "002564440" });
    assert.deepEqual(normaliseRsin("002564441"), { ok: false, problem: "fails-eleven-test" });
  });
});
