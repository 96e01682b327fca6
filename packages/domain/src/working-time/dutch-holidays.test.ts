import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isoWeekday } from "./calendar-date";
import { dutchPublicHolidays, easterSunday } from "./dutch-holidays";

describe("easterSunday", () => {
  it("matches published Easter dates, including the extremes", () => {
    const known: Record<number, string> = {
      1818: "1818-03-22",
      1943: "1943-04-25",
      2000: "2000-04-23",
      2019: "2019-04-21",
      2024: "2024-03-31",
      2025: "2025-04-20",
      2026: "2026-04-05",
      2038: "2038-04-25",
      2285: "2285-03-22",
    };
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date);
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const easter = easterSunday(year);
        assert.equal(isoWeekday(easter), 7);
        assert.ok(easter >= `${year}-03-22` && easter <= `${year}-04-25`, easter);
      }),
    );
  });
});

describe("dutchPublicHolidays", () => {
  it("lists the holidays of 2025 in date order", () => {
    assert.deepEqual(
      dutchPublicHolidays(2025).map(({ date, name }) => `${date} ${name}`),
      [
        "2025-01-01 Nieuwjaarsdag",
        "2025-04-18 Goede Vrijdag",
        "2025-04-20 Eerste Paasdag",
        "2025-04-21 Tweede Paasdag",
        "2025-04-26 Koningsdag",
        "2025-05-05 Bevrijdingsdag",
        "2025-05-29 Hemelvaartsdag",
        "2025-06-08 Eerste Pinksterdag",
        "2025-06-09 Tweede Pinksterdag",
        "2025-12-25 Eerste Kerstdag",
        "2025-12-26 Tweede Kerstdag",
      ],
    );
  });

  it("moves Koningsdag to 26 April only when the 27th is a Sunday", () => {
    const kingsDay = (year: number) => dutchPublicHolidays(year).find((h) => h.key === "kings-day")?.date;
    assert.equal(kingsDay(2014), "2014-04-26");
    assert.equal(kingsDay(2025), "2025-04-26");
    assert.equal(kingsDay(2026), "2026-04-27");
    assert.equal(kingsDay(2031), "2031-04-26");
  });

  it("keeps Bevrijdingsdag every year by default, or only in lustrum years", () => {
    const liberation = (year: number, rule?: "every-year" | "lustrum-years") =>
      dutchPublicHolidays(year, rule ? { liberationDay: rule } : {}).some((h) => h.key === "liberation-day");
    assert.equal(liberation(2026), true);
    assert.equal(liberation(2026, "lustrum-years"), false);
    assert.equal(liberation(2025, "lustrum-years"), true);
    assert.equal(liberation(2030, "lustrum-years"), true);
  });

  it("keeps both entries when two holidays share a date", () => {
    const may5 = dutchPublicHolidays(2016).filter((h) => h.date === "2016-05-05");
    assert.deepEqual(may5.map((h) => h.key).sort(), ["ascension-day", "liberation-day"]);
  });

  it("has eleven holidays each year, in that year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2400 }), (year) => {
        const holidays = dutchPublicHolidays(year);
        assert.equal(holidays.length, 11);
        assert.ok(holidays.every((h) => h.date.startsWith(`${year}-`)));
      }),
    );
  });

  it("rejects years before the Gregorian calendar", () => {
    assert.throws(() => dutchPublicHolidays(1500), RangeError);
    assert.throws(() => dutchPublicHolidays(2025.5), RangeError);
  });
});
