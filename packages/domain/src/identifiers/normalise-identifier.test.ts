import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseIdentifier } from "./normalise-identifier";

describe("normaliseIdentifier", () => {
  it("dispatches on the kind", () => {
    assert.deepEqual(normaliseIdentifier("bsn", "2495 66 758"), { ok: true, value: "249566758" });
    assert.deepEqual(normaliseIdentifier("rsin", "002564440"), { ok: true, value: "002564440" });
    assert.deepEqual(normaliseIdentifier("kvk", "6959.9084"), { ok: true, value: "69599084" });
    assert.deepEqual(normaliseIdentifier("email", "A@B.NL"), { ok: true, value: "A@b.nl" });
    assert.deepEqual(normaliseIdentifier("phone", "06 12345678"), { ok: true, value: "+31612345678" });
  });

  it("treats a WhatsApp address as a phone number in E.164", () => {
    assert.deepEqual(normaliseIdentifier("whatsapp", "0031 6 12345678"), { ok: true, value: "+31612345678" });
    assert.deepEqual(normaliseIdentifier("whatsapp", "jan@example.nl"), {
      ok: false,
      problem: "invalid-format",
    });
  });
});
