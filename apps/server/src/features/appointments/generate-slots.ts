import { type Db, type Queryable, schema } from "@omniloket/db";
import { defaultWorkingCalendar, isHoliday, type WorkingCalendar } from "@omniloket/domain";
import { and, eq } from "drizzle-orm";
import { amsterdamParts, amsterdamTime, minutesOf } from "./counter-calendar";

/** How far ahead slots exist: residents can book up to this many weeks ahead. */
export const BOOKING_WEEKS = 4;

/**
 * Slots for the counters of one municipality from their weekly patterns, from tomorrow for `weeks` weeks,
 * public holidays left out.
 * Idempotent (one slot per location and start): run by the appointments worker on every sweep, so the
 * calendar keeps rolling forward, and by the demo. A slot that exists keeps its capacity.
 */
export async function generateSlots(
  deps: { db: Db | Queryable },
  input: { tenantId: string; now: Date; weeks?: number; locationId?: string; calendar?: WorkingCalendar },
): Promise<{ created: number }> {
  const calendar = input.calendar ?? defaultWorkingCalendar;
  const locations = await deps.db
    .select()
    .from(schema.counterLocations)
    .where(
      and(
        eq(schema.counterLocations.tenantId, input.tenantId),
        eq(schema.counterLocations.active, true),
        ...(input.locationId ? [eq(schema.counterLocations.id, input.locationId)] : []),
      ),
    );
  const today = amsterdamParts(input.now);
  const days = (input.weeks ?? BOOKING_WEEKS) * 7;
  let created = 0;
  for (const location of locations) {
    const rows: Array<typeof schema.appointmentSlots.$inferInsert> = [];
    for (let offset = 1; offset <= days; offset++) {
      const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
      const weekday = ((date.getUTCDay() + 6) % 7) + 1;
      // The counters are closed on public holidays (the working calendar's), whatever the pattern says.
      if (isHoliday(calendar, date.toISOString().slice(0, 10))) continue;
      for (const opening of location.weeklyPattern.filter((o) => o.weekday === weekday)) {
        const from = minutesOf(opening.from);
        const until = minutesOf(opening.until);
        if (from === null || until === null) continue;
        for (let start = from; start + location.slotMinutes <= until; start += location.slotMinutes) {
          const y = date.getUTCFullYear();
          const m = date.getUTCMonth() + 1;
          const d = date.getUTCDate();
          rows.push({
            tenantId: input.tenantId,
            locationId: location.id,
            startsAt: amsterdamTime(y, m, d, start),
            endsAt: amsterdamTime(y, m, d, start + location.slotMinutes),
            capacity: location.slotCapacity,
          });
        }
      }
    }
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await deps.db
        .insert(schema.appointmentSlots)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing()
        .returning({ id: schema.appointmentSlots.id });
      created += inserted.length;
    }
  }
  return { created };
}
