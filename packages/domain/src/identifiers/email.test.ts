import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseEmail } from "./email";

describe("normaliseEmail", () => {
  it("trims, keeps the local part and lower-cases the domain", () => {
    assert.deepEqual(normaliseEmail("  Jan.Jansen@Example.NL \n"), {
      ok: true,
      value: "Jan.Jansen@example.nl",
    });
    assert.deepEqual(normaliseEmail("a+tag@sub.example.nl"), { ok: true, value: "a+tag@sub.example.nl" });
  });

  it("converts an international domain to punycode", () => {
    assert.deepEqual(normaliseEmail("jan@Bücher.DE"), { ok: true, value: "jan@xn--bcher-kva.de" });
    assert.deepEqual(normaliseEmail("jan@xn--bcher-kva.de"), { ok: true, value: "jan@xn--bcher-kva.de" });
  });

  it("is idempotent", () => {
    for (const input of ["Jan@Bücher.DE", "x@example.nl"]) {
      const first = normaliseEmail(input);
      assert.ok(first.ok);
      assert.deepEqual(normaliseEmail(first.value), first);
    }
  });

  it("rejects anything without exactly one @ or with an empty part", () => {
    assert.deepEqual(normaliseEmail(""), { ok: false, problem: "empty" });
    assert.deepEqual(normaliseEmail("jan.example.nl"), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normaliseEmail("jan@@example.nl"), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normaliseEmail('"a@b"@example.nl'), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normaliseEmail("@example.nl"), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normaliseEmail("jan@"), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normaliseEmail("jan jansen@example.nl"), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normaliseEmail("Jan <jan@example.nl>"), { ok: false, problem: "invalid-format" });
    assert.deepEqual(normaliseEmail(`${"a".repeat(65)}@example.nl`), {
      ok: false,
      problem: "invalid-format",
    });
  });

  it("rejects invalid domains", () => {
    for (const domain of [
      "localhost",
      "example..nl",
      "-example.nl",
      "example-.nl",
      "exa_mple.nl",
      "exa mple.nl",
      "example.nl.",
      "[192.168.0.1]",
      "127.0.0.1",
      "example.n",
      `${"a".repeat(64)}.nl`,
    ]) {
      assert.deepEqual(normaliseEmail(`jan@${domain}`), { ok: false, problem: "invalid-domain" }, domain);
    }
  });
});
