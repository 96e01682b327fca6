const TIME_ZONE = "Europe/Amsterdam";

/** The calendar day, weekday (1 = Monday … 7) and time of an instant in Amsterdam. */
export function amsterdamParts(at: Date) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    weekday: weekdays.indexOf(get("weekday")) + 1,
  };
}

/** The instant of a wall-clock time on a calendar day in Amsterdam (winter or summer time). */
export function amsterdamTime(year: number, month: number, day: number, minutes: number): Date {
  const guess = new Date(Date.UTC(year, month - 1, day, 0, minutes));
  const shown = amsterdamParts(guess);
  const shift = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute) - guess.getTime();
  return new Date(guess.getTime() - shift);
}

/** "09:30" → 570; null for anything else. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The key of an instant's calendar day in Amsterdam, "2026-12-03": slots are grouped per day. */
export function amsterdamDayKey(at: Date): string {
  const p = amsterdamParts(at);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}
