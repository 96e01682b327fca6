import { type CalendarDate, splitDate } from "./calendar-date";

// Time-zone arithmetic with Intl only: the offset of a zone at an instant is the difference
// between the zone's wall-clock reading of that instant and the instant itself.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

export type WallClock = { date: CalendarDate; minuteOfDay: number };

/** The wall-clock date and minute of the day (with fraction) of an instant in a time zone. */
export function wallClockOf(instantMs: number, timeZone: string): WallClock {
  const wallMs = instantMs + offsetAt(instantMs, timeZone);
  const dayStartMs = Math.floor(wallMs / DAY_MS) * DAY_MS;
  return {
    date: new Date(dayStartMs).toISOString().slice(0, 10),
    minuteOfDay: (wallMs - dayStartMs) / MINUTE_MS,
  };
}

/**
 * The instant at which the wall clock in a time zone reads `minuteOfDay` on `date`. A wall time
 * that occurs twice (autumn) gives the earlier instant; one that does not exist (spring) is read
 * with the offset from before the change, so it lands just as far after the jump. This is what
 * Temporal calls the "compatible" disambiguation.
 */
export function instantOf(date: CalendarDate, minuteOfDay: number, timeZone: string): number {
  const [year, month, day] = splitDate(date);
  const wallMs = Date.UTC(year, month - 1, day) + minuteOfDay * MINUTE_MS;
  const steadyOffset = steadyOffsetOn(date, timeZone);
  if (steadyOffset !== null) return wallMs - steadyOffset;
  const offsetBefore = offsetAt(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instantMs) => offsetAt(instantMs, timeZone) === wallMs - instantMs,
  );
  return candidates.length > 0 ? Math.min(...candidates) : wallMs - offsetBefore;
}

// Most days have one offset throughout; remembering that per day saves the Intl calls when
// counting working time over long spans. The cache is bounded because the server runs for months.
const steadyOffsets = new Map<string, number | null>();
const MAX_CACHED_DAYS = 50_000;

function steadyOffsetOn(date: CalendarDate, timeZone: string): number | null {
  const key = `${timeZone} ${date}`;
  const cached = steadyOffsets.get(key);
  if (cached !== undefined) return cached;
  const [year, month, day] = splitDate(date);
  const midnightMs = Date.UTC(year, month - 1, day);
  const before = offsetAt(midnightMs - DAY_MS, timeZone);
  const after = offsetAt(midnightMs + 2 * DAY_MS, timeZone);
  const steady = before === after ? before : null;
  if (steadyOffsets.size >= MAX_CACHED_DAYS) steadyOffsets.clear();
  steadyOffsets.set(key, steady);
  return steady;
}

export function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSecondMs = Math.floor(instantMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(wholeSecondMs)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wallMs = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wallMs - wholeSecondMs;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  formatters.set(timeZone, formatter);
  return formatter;
}
