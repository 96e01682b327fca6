import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { instantOf, offsetAt, wallClockOf } from "./zoned-time";

const AMS = "Europe/Amsterdam";
const HOUR_MS = 3_600_000;

describe("zoned time", () => {
  it("knows the Amsterdam offset in winter and summer", () => {
    assert.equal(offsetAt(Date.parse("2025-01-15T12:00:00Z"), AMS), HOUR_MS);
    assert.equal(offsetAt(Date.parse("2025-07-15T12:00:00Z"), AMS), 2 * HOUR_MS);
  });

  it("reads the wall clock of an instant", () => {
    assert.deepEqual(wallClockOf(Date.parse("2025-03-30T00:59:00Z"), AMS), {
      date: "2025-03-30",
      minuteOfDay: 119,
    });
    assert.deepEqual(wallClockOf(Date.parse("2025-03-30T01:00:00Z"), AMS), {
      date: "2025-03-30",
      minuteOfDay: 180,
    });
    assert.deepEqual(wallClockOf(Date.parse("2024-12-31T23:30:00Z"), AMS), {
      date: "2025-01-01",
      minuteOfDay: 30,
    });
  });

  it("moves a wall time in the spring gap forward", () => {
    assert.equal(new Date(instantOf("2025-03-30", 150, AMS)).toISOString(), "2025-03-30T01:30:00.000Z");
  });

  it("takes the earlier instant for a wall time that occurs twice", () => {
    assert.equal(new Date(instantOf("2025-10-26", 150, AMS)).toISOString(), "2025-10-26T00:30:00.000Z");
    assert.equal(new Date(instantOf("2025-10-26", 180, AMS)).toISOString(), "2025-10-26T02:00:00.000Z");
  });

  it("round-trips instants through the wall clock", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), (raw) => {
        const instantMs = Math.floor(raw / 60_000) * 60_000;
        const { date, minuteOfDay } = wallClockOf(instantMs, AMS);
        const back = instantOf(date, minuteOfDay, AMS);
        // In the autumn fold the earlier of two instants comes back.
        assert.ok(back === instantMs || back === instantMs - HOUR_MS);
      }),
    );
  });
});
