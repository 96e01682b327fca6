import { addDays, type CalendarDate } from "./calendar-date";
import { isWithinOpeningHours, openingIntervalsFrom } from "./opening-intervals";
import type { WorkingCalendar } from "./working-calendar";
import { wallClockOf } from "./zoned-time";

const MINUTE_MS = 60_000;

/**
 * The moment `minutes` working minutes after `start`, counting only time inside opening hours on
 * working days (wall-clock time in the calendar's zone, so DST changes are handled). A result that
 * falls at the end of an opening period stays there (17:00, not 08:30 the next day); adding 0
 * minutes outside opening hours gives the next opening moment.
 *
 * @example addWorkingMinutes(new Date("2025-01-03T15:00:00Z"), 60, defaultWorkingCalendar)
 * // Friday 16:00 in Amsterdam + 1 hour = Friday 17:00 = 2025-01-03T16:00:00Z
 */
export function addWorkingMinutes(start: Date, minutes: number, calendar: WorkingCalendar): Date {
  const startMs = start.getTime();
  if (Number.isNaN(startMs)) throw new RangeError("Invalid start date");
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Cannot add ${minutes} working minutes`);
  let remainingMs = Math.round(minutes * MINUTE_MS);
  for (const interval of openingIntervalsFrom(firstDateAround(startMs, calendar), calendar)) {
    if (interval.endMs < startMs) continue;
    const fromMs = Math.max(interval.startMs, startMs);
    const availableMs = interval.endMs - fromMs;
    if (remainingMs <= availableMs) return new Date(fromMs + remainingMs);
    remainingMs -= availableMs;
  }
  throw new Error("unreachable: opening intervals never end");
}

/**
 * The working minutes between two moments: the time inside opening hours on working days. It is
 * negative when `to` lies before `from`, so an overdue answer reads as a negative margin.
 */
export function workingMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new RangeError("Invalid date");
  if (toMs < fromMs) return -workingMinutesBetween(to, from, calendar);
  let totalMs = 0;
  for (const interval of openingIntervalsFrom(firstDateAround(fromMs, calendar), calendar)) {
    if (interval.startMs >= toMs) break;
    const overlapMs = Math.min(interval.endMs, toMs) - Math.max(interval.startMs, fromMs);
    if (overlapMs > 0) totalMs += overlapMs;
  }
  return totalMs / MINUTE_MS;
}

/** Whether a moment lies inside opening hours on a working day, opening and closing times included. */
export function isWithinOpeningHoursAt(moment: Date, calendar: WorkingCalendar): boolean {
  const { date, minuteOfDay } = wallClockOf(moment.getTime(), calendar.timeZone);
  if (isWithinOpeningHours(date, minuteOfDay, calendar)) return true;
  // Midnight is also 24:00, the closing time of the day before.
  return minuteOfDay === 0 && isWithinOpeningHours(addDays(date, -1), 24 * 60, calendar);
}

// Starts a day early, so that an opening period that ends at 24:00 counts for a moment at 00:00.
function firstDateAround(instantMs: number, calendar: WorkingCalendar): CalendarDate {
  return addDays(wallClockOf(instantMs, calendar.timeZone).date, -1);
}
