import { defaultWorkingCalendar, isHoliday } from "@omniloket/domain";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** One calendar day of the simulated window, in Europe/Amsterdam. */
export type SimDay = {
  index: number;
  /** YYYY-MM-DD in Amsterdam. */
  date: string;
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday: number;
  /** Monday to Friday and not a public holiday: the municipality is open. */
  working: boolean;
  /** UTC instant of local noon minus twelve hours; adding a local minute of the day gives the instant. */
  baseMs: number;
};

export type SimCalendar = { startMs: number; endMs: number; days: SimDay[] };

const offsetFormatter = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Amsterdam",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

function amsterdamOffsetMs(instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of offsetFormatter.formatToParts(instantMs)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
  );
  return wall - Math.floor(instantMs / MINUTE) * MINUTE;
}

/** `months` calendar months ending at `end` (UTC), one entry per Amsterdam day (extended a little for late replies). */
export function buildCalendar(end: Date, months: number): SimCalendar {
  const startDate = new Date(end.getTime());
  startDate.setUTCMonth(startDate.getUTCMonth() - months);
  const startMs = startDate.getTime();
  const endMs = end.getTime();
  const days: SimDay[] = [];
  const firstUtcDay = Math.floor(startMs / DAY) * DAY - DAY;
  for (let utcDay = firstUtcDay, index = 0; utcDay < endMs + 40 * DAY; utcDay += DAY, index++) {
    const date = new Date(utcDay).toISOString().slice(0, 10);
    // The offset at local noon is right for every hour the simulation uses (nothing happens at 02:00–03:00).
    const offset = amsterdamOffsetMs(utcDay + 12 * HOUR);
    const weekday = ((new Date(utcDay).getUTCDay() + 6) % 7) + 1;
    const working = weekday <= 5 && !isHoliday(defaultWorkingCalendar, date);
    days.push({ index, date, weekday, working, baseMs: utcDay - offset });
  }
  return { startMs, endMs, days };
}

export function dayIndexOf(calendar: SimCalendar, ms: number): number {
  const first = calendar.days[0] as SimDay;
  // Local day boundaries differ from UTC ones by the offset; correct by checking the neighbour.
  let index = Math.floor((ms - first.baseMs) / DAY);
  const next = calendar.days[index + 1];
  if (next && ms >= next.baseMs) index++;
  const current = calendar.days[index];
  if (current && ms < current.baseMs) index--;
  return Math.max(0, Math.min(index, calendar.days.length - 1));
}

export function dayAt(calendar: SimCalendar, index: number): SimDay {
  return calendar.days[Math.max(0, Math.min(index, calendar.days.length - 1))] as SimDay;
}

/** The instant of a local wall-clock minute on a simulated day. */
export function instantOn(day: SimDay, minuteOfDay: number): number {
  return day.baseMs + Math.round(minuteOfDay) * MINUTE;
}

export function minuteOfDay(calendar: SimCalendar, ms: number): number {
  const day = dayAt(calendar, dayIndexOf(calendar, ms));
  return (ms - day.baseMs) / MINUTE;
}

/** The first working day at or after `index`. */
export function workingDayFrom(calendar: SimCalendar, index: number): SimDay {
  for (let i = index; i < calendar.days.length; i++) {
    const day = calendar.days[i] as SimDay;
    if (day.working) return day;
  }
  return calendar.days[calendar.days.length - 1] as SimDay;
}

/** Moves `ms` forward by whole working days (1 = the next working day), keeping the time of day. */
export function addWorkingDays(calendar: SimCalendar, ms: number, count: number): number {
  let index = dayIndexOf(calendar, ms);
  const minute = (ms - dayAt(calendar, index).baseMs) / MINUTE;
  let left = Math.max(0, Math.round(count));
  while (left > 0 && index < calendar.days.length - 1) {
    index++;
    if (dayAt(calendar, index).working) left--;
  }
  return instantOn(workingDayFrom(calendar, index), minute);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first moment at or after `ms` when staff are at work (08:30–17:00 on a working day), spread over the morning. */
export function nextOfficeMoment(calendar: SimCalendar, ms: number, spreadMinutes: number): number {
  const index = dayIndexOf(calendar, ms);
  const day = dayAt(calendar, index);
  const minute = (ms - day.baseMs) / MINUTE;
  if (day.working && minute >= 510 && minute < 1020) return ms;
  const next = day.working && minute < 510 ? day : workingDayFrom(calendar, index + 1);
  return instantOn(next, 510 + spreadMinutes);
}
