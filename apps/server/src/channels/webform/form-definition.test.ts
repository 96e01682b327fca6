import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadForms } from "./form-definition";
import { createFormToken, FORM_TOKEN_TTL_MS, verifyFormToken } from "./form-token";
import { tokenBucket } from "./rate-limit";

describe("form definitions", () => {
  it("loads the forms that ship with Omniloket", () => {
    const forms = loadForms();
    assert.deepEqual([...forms.keys()].sort(), [
      "algemene-vraag",
      "melding-openbare-ruimte",
      "vraag-over-belastingen",
    ]);
    assert.equal(forms.get("melding-openbare-ruimte")?.topicId, "openbare-ruimte");
    assert.equal(forms.get("algemene-vraag")?.topicId, undefined);
  });

  it("refuses a definition with an unknown topic or a select without options, naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "omniloket-forms-"));
    try {
      const field = { id: "vraag", label: { nl: "Vraag", en: "Question" }, type: "select" };
      const form = {
        id: "eigen",
        title: field.label,
        intro: field.label,
        topicId: "bestaat-niet",
        fields: [field],
      };
      writeFileSync(join(dir, "eigen.json"), JSON.stringify(form));
      assert.throws(() => loadForms(dir), /eigen\.json.*(topic|options)/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("form token", () => {
  const now = new Date("2025-03-03T10:00:00Z");
  it("verifies for its own scope within its lifetime only", () => {
    const token = createFormToken("geheim", "t|f", now);
    assert.ok(verifyFormToken("geheim", "t|f", token, now));
    assert.equal(verifyFormToken("ander", "t|f", token, now), null);
    assert.equal(verifyFormToken("geheim", "t|g", token, now), null);
    assert.equal(
      verifyFormToken("geheim", "t|f", token, new Date(now.getTime() + FORM_TOKEN_TTL_MS + 1)),
      null,
    );
    assert.equal(verifyFormToken("geheim", "t|f", "a.b.c", now), null);
  });
});

describe("token bucket", () => {
  it("allows a burst, then refills over time", () => {
    const bucket = tokenBucket({ capacity: 2, refillPerSecond: 1 });
    const t = new Date(0);
    assert.equal(bucket.take("a", t), true);
    assert.equal(bucket.take("a", t), true);
    assert.equal(bucket.take("a", t), false);
    assert.equal(bucket.take("b", t), true);
    assert.equal(bucket.take("a", new Date(1000)), true);
  });
});
