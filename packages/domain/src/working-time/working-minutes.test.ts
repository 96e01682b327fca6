import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { createDutchWorkingCalendar, defaultWorkingCalendar, type WorkingCalendar } from "./working-calendar";
import { addWorkingMinutes, isWithinOpeningHoursAt, workingMinutesBetween } from "./working-minutes";

const at = (iso: string) => new Date(iso);
const add = (iso: string, minutes: number, calendar = defaultWorkingCalendar) =>
  addWorkingMinutes(at(iso), minutes, calendar).toISOString();

const allDay = [{ from: "00:00", to: "24:00" }];
const alwaysOpen: WorkingCalendar = {
  timeZone: "Europe/Amsterdam",
  openingHours: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay },
  holidays: new Set(),
};
// Split hours, and Sunday hours that straddle both DST changes (01:00 UTC on a Sunday).
const splitHours: WorkingCalendar = {
  timeZone: "Europe/Amsterdam",
  openingHours: {
    1: [
      { from: "09:00", to: "12:00" },
      { from: "13:00", to: "17:00" },
    ],
    2: [{ from: "09:00", to: "12:00" }],
    3: [],
    4: [{ from: "13:00", to: "20:00" }],
    5: [{ from: "08:30", to: "17:00" }],
    6: [{ from: "10:00", to: "12:30" }],
    7: [{ from: "01:00", to: "04:00" }],
  },
  holidays: new Set(["2025-12-25", "2025-12-26"]),
};

describe("addWorkingMinutes", () => {
  it("stops at closing time rather than jumping to the next opening", () => {
    // Friday 3 January 2025, 16:00 in Amsterdam (CET).
    assert.equal(add("2025-01-03T15:00:00Z", 60), "2025-01-03T16:00:00.000Z");
    assert.equal(add("2025-01-03T15:00:00Z", 61), "2025-01-06T07:31:00.000Z");
  });

  it("starts counting at the next opening when received outside opening hours", () => {
    assert.equal(add("2025-01-04T12:00:00Z", 30), "2025-01-06T08:00:00.000Z");
    assert.equal(add("2025-01-06T06:00:00Z", 0), "2025-01-06T07:30:00.000Z");
    assert.equal(add("2025-01-06T10:00:00Z", 0), "2025-01-06T10:00:00.000Z");
    assert.equal(add("2025-01-06T16:00:00Z", 0), "2025-01-06T16:00:00.000Z");
  });

  it("skips Christmas and the weekend", () => {
    // Wednesday 24 December 16:00: one hour that day, the next hour on Monday 29 December.
    assert.equal(add("2025-12-24T15:00:00Z", 120), "2025-12-29T08:30:00.000Z");
  });

  it("treats Goede Vrijdag as a working day unless the calendar says otherwise", () => {
    const goodFridayOff = createDutchWorkingCalendar({ goodFridayOff: true });
    assert.equal(add("2025-04-17T14:00:00Z", 120), "2025-04-18T07:30:00.000Z");
    assert.equal(add("2025-04-17T14:00:00Z", 120, goodFridayOff), "2025-04-22T07:30:00.000Z");
  });

  it("honours extra closing days and Koningsdag", () => {
    const bridgeDay = createDutchWorkingCalendar({ extraClosedDays: ["2026-05-15"] });
    assert.equal(add("2026-05-13T14:00:00Z", 120, bridgeDay), "2026-05-18T07:30:00.000Z");
    assert.equal(add("2026-04-24T14:00:00Z", 120), "2026-04-28T07:30:00.000Z");
  });

  it("uses summer time after the clocks go forward", () => {
    // Friday 28 March 2025 16:00 CET; Monday 31 March opens at 08:30 CEST = 06:30Z.
    assert.equal(add("2025-03-28T15:00:00Z", 120), "2025-03-31T07:30:00.000Z");
  });

  it("counts real elapsed time through DST changes when always open", () => {
    for (const iso of ["2025-03-29T22:00:00Z", "2025-10-25T22:00:00Z"]) {
      assert.equal(add(iso, 24 * 60, alwaysOpen), new Date(at(iso).getTime() + 86_400_000).toISOString());
    }
  });

  it("stops at 24:00 when that is the closing time", () => {
    const mondaysOnly: WorkingCalendar = {
      ...alwaysOpen,
      openingHours: { 1: allDay, 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] },
    };
    // Monday 6 January 2025 23:00 in Amsterdam plus one hour is midnight, the end of Monday.
    const end = addWorkingMinutes(at("2025-01-06T22:00:00Z"), 60, mondaysOnly);
    assert.equal(end.toISOString(), "2025-01-06T23:00:00.000Z");
    assert.ok(isWithinOpeningHoursAt(end, mondaysOnly));
    assert.equal(add("2025-01-06T23:00:00Z", 0, mondaysOnly), "2025-01-06T23:00:00.000Z");
  });

  it("rejects negative or non-finite minutes and invalid dates", () => {
    assert.throws(
      () => addWorkingMinutes(at("2025-01-06T10:00:00Z"), -1, defaultWorkingCalendar),
      RangeError,
    );
    assert.throws(
      () => addWorkingMinutes(at("2025-01-06T10:00:00Z"), Number.NaN, defaultWorkingCalendar),
      RangeError,
    );
    assert.throws(() => addWorkingMinutes(new Date(Number.NaN), 1, defaultWorkingCalendar), RangeError);
  });

  it("rejects misconfigured calendars", () => {
    const never: WorkingCalendar = { ...alwaysOpen, holidays: () => true };
    assert.throws(() => addWorkingMinutes(at("2025-01-06T10:00:00Z"), 1, never), RangeError);
    const overlapping: WorkingCalendar = {
      ...alwaysOpen,
      openingHours: {
        ...alwaysOpen.openingHours,
        1: [
          { from: "09:00", to: "12:00" },
          { from: "11:00", to: "13:00" },
        ],
      },
    };
    assert.throws(() => addWorkingMinutes(at("2025-01-06T10:00:00Z"), 1, overlapping), RangeError);
    const badTime: WorkingCalendar = {
      ...alwaysOpen,
      openingHours: { ...alwaysOpen.openingHours, 2: [{ from: "9", to: "12:00" }] },
    };
    assert.throws(() => addWorkingMinutes(at("2025-01-06T10:00:00Z"), 1, badTime), RangeError);
  });
});

describe("workingMinutesBetween", () => {
  it("counts a full working week as five days of 8.5 hours", () => {
    assert.equal(
      workingMinutesBetween(at("2025-01-06T07:30:00Z"), at("2025-01-10T16:00:00Z"), defaultWorkingCalendar),
      2550,
    );
    assert.equal(
      workingMinutesBetween(at("2025-01-04T00:00:00Z"), at("2025-01-13T00:00:00Z"), defaultWorkingCalendar),
      2550,
    );
  });

  it("is zero outside opening hours and negative backwards", () => {
    assert.equal(
      workingMinutesBetween(at("2025-01-04T08:00:00Z"), at("2025-01-05T20:00:00Z"), defaultWorkingCalendar),
      0,
    );
    assert.equal(
      workingMinutesBetween(at("2025-01-06T09:00:00Z"), at("2025-01-06T09:00:00Z"), defaultWorkingCalendar),
      0,
    );
    assert.equal(
      workingMinutesBetween(at("2025-01-06T10:00:00Z"), at("2025-01-06T09:00:00Z"), defaultWorkingCalendar),
      -60,
    );
  });
});

describe("working time properties", () => {
  const calendars = fc.constantFrom(defaultWorkingCalendar, splitHours, alwaysOpen);
  const moments = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
    .map((ms) => new Date(Math.floor(ms / 1000) * 1000));
  const minutes = fc.integer({ min: 0, max: 15_000 });

  it("workingMinutesBetween undoes addWorkingMinutes", () => {
    fc.assert(
      fc.property(calendars, moments, minutes, (calendar, start, m) => {
        assert.equal(workingMinutesBetween(start, addWorkingMinutes(start, m, calendar), calendar), m);
      }),
    );
  });

  it("is monotonic in the minutes", () => {
    fc.assert(
      fc.property(calendars, moments, minutes, minutes, (calendar, start, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        assert.ok(addWorkingMinutes(start, low, calendar) <= addWorkingMinutes(start, high, calendar));
      }),
    );
  });

  it("always ends inside opening hours, closing time included", () => {
    fc.assert(
      fc.property(calendars, moments, minutes, (calendar, start, m) => {
        const end = addWorkingMinutes(start, m, calendar);
        assert.ok(isWithinOpeningHoursAt(end, calendar), end.toISOString());
        assert.ok(end >= start);
      }),
    );
  });

  it("adds up: between(a, c) = between(a, b) + between(b, c)", () => {
    fc.assert(
      fc.property(calendars, moments, moments, moments, (calendar, ...points) => {
        const [a, b, c] = points.sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
        const whole = workingMinutesBetween(a, c, calendar);
        const parts = workingMinutesBetween(a, b, calendar) + workingMinutesBetween(b, c, calendar);
        assert.ok(Math.abs(whole - parts) < 1e-6);
      }),
      { numRuns: 25 },
    );
  });
});
