import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseKvk, normaliseVestigingsnummer } from "./kvk";

describe("normaliseKvk", () => {
  it("accepts exactly eight digits, without any checksum", () => {
    assert.deepEqual(normaliseKvk("69599084"), { ok: true, value: "69599084" });
    assert.deepEqual(normaliseKvk("6959 9084"), { ok: true, value: "69599084" });
    assert.deepEqual(normaliseKvk("00000001"), { ok: true, value: "00000001" });
  });

  it("does not pad or truncate", () => {
    assert.deepEqual(normaliseKvk("6959908"), { ok: false, problem: "wrong-length" });
    assert.deepEqual(normaliseKvk("695990840"), { ok: false, problem: "wrong-length" });
    assert.deepEqual(normaliseKvk("KVK69599084"), { ok: false, problem: "not-digits" });
    assert.deepEqual(normaliseKvk(" "), { ok: false, problem: "empty" });
  });
});

describe("normaliseVestigingsnummer", () => {
  it("accepts exactly twelve digits", () => {
    assert.deepEqual(normaliseVestigingsnummer("0000 1234 5678"), { ok: true, value: "000012345678" });
    assert.deepEqual(normaliseVestigingsnummer("69599084"), { ok: false, problem: "wrong-length" });
  });
});
