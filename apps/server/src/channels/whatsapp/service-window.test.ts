import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { whatsappServiceWindowOpen } from "./service-window";

const hour = 60 * 60 * 1000;

describe("WhatsApp service window", () => {
  const now = new Date("2025-03-01T12:00:00Z");

  it("is open for 24 hours after the resident's last message, and closed without one", () => {
    assert.equal(whatsappServiceWindowOpen(null, now), false);
    assert.equal(whatsappServiceWindowOpen(new Date(now.getTime() - 23 * hour), now), true);
    assert.equal(whatsappServiceWindowOpen(new Date(now.getTime() - 24 * hour), now), false);
    assert.equal(whatsappServiceWindowOpen(new Date(now.getTime() + 60_000), now), true);
  });

  it("is open exactly when the last message is less than 24 hours old", () => {
    fc.assert(
      fc.property(fc.integer({ min: -hour, max: 72 * hour }), (ageMs) => {
        const last = new Date(now.getTime() - ageMs);
        assert.equal(whatsappServiceWindowOpen(last, now), ageMs < 24 * hour);
      }),
    );
  });
});
