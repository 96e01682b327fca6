import type { CalendarDate } from "./calendar-date";
import { type DutchHolidayKey, dutchPublicHolidays, type LiberationDayRule } from "./dutch-holidays";

/** ISO weekday: Monday is 1, Sunday is 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Opening hours on one day, as wall-clock times "HH:MM" in the calendar's time zone; `to` may be "24:00". */
export type OpeningInterval = { from: string; to: string };

export type WorkingCalendar = {
  timeZone: "Europe/Amsterdam";
  openingHours: Readonly<Record<Weekday, readonly OpeningInterval[]>>;
  /** Days on which the municipality is closed, as "YYYY-MM-DD" or a predicate on that string. */
  holidays: ReadonlySet<string> | ((date: CalendarDate) => boolean);
};

export type DutchWorkingCalendarOptions = {
  /** Goede Vrijdag is not a day off under the municipal collective agreement, so it is opt-in. */
  goodFridayOff?: boolean;
  liberationDay?: LiberationDayRule;
  openingHours?: WorkingCalendar["openingHours"];
  /** Further closing days of this municipality (a bridge day, a staff day). */
  extraClosedDays?: readonly CalendarDate[];
};

const OFFICE_HOURS: readonly OpeningInterval[] = [{ from: "08:30", to: "17:00" }];

export const defaultOpeningHours: WorkingCalendar["openingHours"] = {
  1: OFFICE_HOURS,
  2: OFFICE_HOURS,
  3: OFFICE_HOURS,
  4: OFFICE_HOURS,
  5: OFFICE_HOURS,
  6: [],
  7: [],
};

/** A working calendar for a Dutch municipality: opening hours in Europe/Amsterdam and Dutch public holidays. */
export function createDutchWorkingCalendar(options: DutchWorkingCalendarOptions = {}): WorkingCalendar {
  const skipped = new Set<DutchHolidayKey>(options.goodFridayOff ? [] : ["good-friday"]);
  const extra = new Set(options.extraClosedDays ?? []);
  const closedDaysByYear = new Map<number, Set<CalendarDate>>();
  const closedDaysOf = (year: number): Set<CalendarDate> => {
    const cached = closedDaysByYear.get(year);
    if (cached) return cached;
    const holidays = dutchPublicHolidays(year, { liberationDay: options.liberationDay ?? "every-year" });
    const dates = new Set(
      holidays.filter((holiday) => !skipped.has(holiday.key)).map((holiday) => holiday.date),
    );
    closedDaysByYear.set(year, dates);
    return dates;
  };
  return {
    timeZone: "Europe/Amsterdam",
    openingHours: options.openingHours ?? defaultOpeningHours,
    holidays: (date) => extra.has(date) || closedDaysOf(Number(date.slice(0, 4))).has(date),
  };
}

/** Monday to Friday 08:30–17:00, Dutch public holidays off, Goede Vrijdag a working day. */
export const defaultWorkingCalendar: WorkingCalendar = createDutchWorkingCalendar();

export function isHoliday(calendar: WorkingCalendar, date: CalendarDate): boolean {
  return typeof calendar.holidays === "function" ? calendar.holidays(date) : calendar.holidays.has(date);
}
