import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { passesElevenTest } from "./eleven-test";
import { validBsn } from "./test-arbitraries";

describe("passesElevenTest", () => {
  it("accepts the worked example from the standard and known test BSNs", () => {
    assert.equal(passesElevenTest("249566758"), true);
    assert.equal(passesElevenTest("999993653"), true);
    assert.equal(passesElevenTest("111222333"), true);
  });

  it("rejects 000000000, wrong lengths and non-digits", () => {
    assert.equal(passesElevenTest("000000000"), false);
    assert.equal(passesElevenTest("24956675"), false);
    assert.equal(passesElevenTest("2495667580"), false);
    assert.equal(passesElevenTest("24956675x"), false);
    assert.equal(passesElevenTest(""), false);
  });

  it("uses weight -1 on the last digit, so a plain mod-11 number fails", () => {
    // 123456789 passes the bank-account 11-proef (weights 9..1, sum 165) but not the BSN variant.
    assert.equal(passesElevenTest("123456789"), false);
  });

  it("accepts every generated valid number", () => {
    fc.assert(fc.property(validBsn, (bsn) => passesElevenTest(bsn)));
  });

  it("rejects any single changed digit", () => {
    fc.assert(
      fc.property(validBsn, fc.nat({ max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, position, delta) => {
        const changed = (Number(bsn[position]) + delta) % 10;
        const mutated = `${bsn.slice(0, position)}${changed}${bsn.slice(position + 1)}`;
        return !passesElevenTest(mutated);
      }),
    );
  });
});
