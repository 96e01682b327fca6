import { addDays, type CalendarDate, isoWeekday } from "./calendar-date";
import { isHoliday, type OpeningInterval, type Weekday, type WorkingCalendar } from "./working-calendar";
import { instantOf } from "./zoned-time";

// A calendar that is closed for this long in a row is taken to be misconfigured; without a limit
// adding working minutes to it would never end.
const MAX_CLOSED_DAYS_IN_A_ROW = 400;

type MinuteRange = { from: number; to: number };
export type InstantRange = { startMs: number; endMs: number };

const parsedHours = new WeakMap<WorkingCalendar["openingHours"], ReadonlyMap<Weekday, MinuteRange[]>>();

/** Every opening period as instants, day by day from `date` on, in time order. Never ends. */
export function* openingIntervalsFrom(
  date: CalendarDate,
  calendar: WorkingCalendar,
): Generator<InstantRange> {
  const hours = minuteRangesOf(calendar.openingHours);
  let day = date;
  let closedInARow = 0;
  for (;;) {
    const ranges = isHoliday(calendar, day) ? [] : (hours.get(isoWeekday(day)) ?? []);
    closedInARow = ranges.length === 0 ? closedInARow + 1 : 0;
    if (closedInARow > MAX_CLOSED_DAYS_IN_A_ROW) {
      throw new RangeError(
        `The working calendar is closed for more than ${MAX_CLOSED_DAYS_IN_A_ROW} days in a row`,
      );
    }
    for (const range of ranges) {
      const startMs = instantOf(day, range.from, calendar.timeZone);
      const endMs = instantOf(day, range.to, calendar.timeZone);
      if (endMs > startMs) yield { startMs, endMs };
    }
    day = addDays(day, 1);
  }
}

/** Whether the wall-clock minute lies in an opening period of that date, both ends included. */
export function isWithinOpeningHours(
  date: CalendarDate,
  minuteOfDay: number,
  calendar: WorkingCalendar,
): boolean {
  if (isHoliday(calendar, date)) return false;
  const ranges = minuteRangesOf(calendar.openingHours).get(isoWeekday(date)) ?? [];
  return ranges.some((range) => minuteOfDay >= range.from && minuteOfDay <= range.to);
}

function minuteRangesOf(openingHours: WorkingCalendar["openingHours"]): ReadonlyMap<Weekday, MinuteRange[]> {
  const cached = parsedHours.get(openingHours);
  if (cached) return cached;
  const parsed = new Map<Weekday, MinuteRange[]>();
  for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) {
    parsed.set(weekday, toMinuteRanges(openingHours[weekday] ?? [], weekday));
  }
  parsedHours.set(openingHours, parsed);
  return parsed;
}

function toMinuteRanges(intervals: readonly OpeningInterval[], weekday: Weekday): MinuteRange[] {
  const ranges = intervals
    .map((interval) => ({ from: toMinutes(interval.from), to: toMinutes(interval.to) }))
    .sort((a, b) => a.from - b.from);
  ranges.forEach((range, i) => {
    const previous = ranges[i - 1];
    if (range.from >= range.to || (previous && previous.to > range.from)) {
      throw new RangeError(`Opening hours on weekday ${weekday} are empty or overlap`);
    }
  });
  return ranges;
}

function toMinutes(time: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes <= 24 * 60)) throw new RangeError(`Not a time of day "HH:MM": ${time}`);
  return minutes;
}
