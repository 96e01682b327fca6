import { defaultWorkingCalendar, isWithinOpeningHoursAt, type WorkingCalendar } from "@omniloket/domain";

/** The hours a callback slot starts at, as in the web chat's callback form (apps/widget/src/slots.ts). */
const SLOT_HOURS = [9, 11, 13, 15] as const;
const SLOT_COUNT = 12;
const TIME_ZONE = "Europe/Amsterdam";

function amsterdamParts(at: Date) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") };
}

/** The instant of a whole hour on a calendar day in Amsterdam (winter or summer time). */
function amsterdamHour(year: number, month: number, day: number, hour: number): Date {
  const guess = new Date(Date.UTC(year, month - 1, day, hour));
  const shown = amsterdamParts(guess);
  const shift = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour) - guess.getTime();
  return new Date(guess.getTime() - shift);
}

/**
 * Callback slots a resident may pick: the next working days (the municipality's working calendar, so
 * no weekends or public holidays) at 9, 11, 13 and 15 hours in Amsterdam, starting tomorrow. The same
 * choice as the web chat offers, decided on the server so a posted slot can be checked against it.
 */
export function callbackSlots(now: Date, calendar: WorkingCalendar = defaultWorkingCalendar): Date[] {
  const today = amsterdamParts(now);
  const slots: Date[] = [];
  for (let offset = 1; slots.length < SLOT_COUNT && offset < 60; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    for (const hour of SLOT_HOURS) {
      const start = amsterdamHour(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hour);
      if (start > now && isWithinOpeningHoursAt(start, calendar)) slots.push(start);
    }
  }
  return slots.slice(0, SLOT_COUNT);
}
