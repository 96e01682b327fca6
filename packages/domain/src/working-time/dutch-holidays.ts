import { addDays, type CalendarDate, calendarDate, isoWeekday } from "./calendar-date";

export type DutchHolidayKey =
  | "new-years-day"
  | "good-friday"
  | "easter-sunday"
  | "easter-monday"
  | "kings-day"
  | "liberation-day"
  | "ascension-day"
  | "whit-sunday"
  | "whit-monday"
  | "christmas-day"
  | "boxing-day";

export type DutchHoliday = { date: CalendarDate; name: string; key: DutchHolidayKey };

/**
 * Bevrijdingsdag is a national holiday every year, but many collective agreements give the day
 * off only in lustrum years (2025, 2030, …).
 */
export type LiberationDayRule = "every-year" | "lustrum-years";

export type DutchHolidayOptions = { liberationDay?: LiberationDayRule };

/**
 * The Dutch public holidays of a year (Algemene termijnenwet plus Goede Vrijdag and
 * Bevrijdingsdag), sorted by date, with their Dutch names. Koningsdag follows the rule in force
 * since 2014: 27 April, or 26 April when the 27th is a Sunday.
 *
 * @example dutchPublicHolidays(2025)[0] // { date: "2025-01-01", name: "Nieuwjaarsdag", key: "new-years-day" }
 */
export function dutchPublicHolidays(year: number, options: DutchHolidayOptions = {}): DutchHoliday[] {
  if (!Number.isInteger(year) || year < 1583) throw new RangeError(`No Gregorian holidays for year ${year}`);
  const easter = easterSunday(year);
  const kingsDay = isoWeekday(calendarDate(year, 4, 27)) === 7 ? 26 : 27;
  const holidays: DutchHoliday[] = [
    { date: calendarDate(year, 1, 1), name: "Nieuwjaarsdag", key: "new-years-day" },
    { date: addDays(easter, -2), name: "Goede Vrijdag", key: "good-friday" },
    { date: easter, name: "Eerste Paasdag", key: "easter-sunday" },
    { date: addDays(easter, 1), name: "Tweede Paasdag", key: "easter-monday" },
    { date: calendarDate(year, 4, kingsDay), name: "Koningsdag", key: "kings-day" },
    { date: addDays(easter, 39), name: "Hemelvaartsdag", key: "ascension-day" },
    { date: addDays(easter, 49), name: "Eerste Pinksterdag", key: "whit-sunday" },
    { date: addDays(easter, 50), name: "Tweede Pinksterdag", key: "whit-monday" },
    { date: calendarDate(year, 12, 25), name: "Eerste Kerstdag", key: "christmas-day" },
    { date: calendarDate(year, 12, 26), name: "Tweede Kerstdag", key: "boxing-day" },
  ];
  if (options.liberationDay !== "lustrum-years" || year % 5 === 0) {
    holidays.push({ date: calendarDate(year, 5, 5), name: "Bevrijdingsdag", key: "liberation-day" });
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDate(year, month, day);
}
