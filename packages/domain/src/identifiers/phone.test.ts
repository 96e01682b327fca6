import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalisePhone } from "./phone";

describe("normalisePhone", () => {
  it("turns the ways Dutch people write numbers into E.164", () => {
    for (const input of [
      "06 12345678",
      "+31 6 1234 5678",
      "0031612345678",
      "06-12345678",
      "+31 (0)6 12345678",
    ]) {
      assert.deepEqual(normalisePhone(input), { ok: true, value: "+31612345678" }, input);
    }
    assert.deepEqual(normalisePhone("020-5551234"), { ok: true, value: "+31205551234" });
  });

  it("keeps foreign numbers and honours another default country", () => {
    assert.deepEqual(normalisePhone("+32 470 12 34 56"), { ok: true, value: "+32470123456" });
    assert.deepEqual(normalisePhone("0470 12 34 56", "BE"), { ok: true, value: "+32470123456" });
  });

  it("returns typed problems", () => {
    assert.deepEqual(normalisePhone("  "), { ok: false, problem: "empty" });
    assert.deepEqual(normalisePhone("bel me"), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normalisePhone("06 1234567 ext. 12"), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normalisePhone("0612345"), { ok: false, problem: "invalid-phone-number" });
    assert.deepEqual(normalisePhone("+31 6 1234 567890"), { ok: false, problem: "invalid-phone-number" });
  });
});
