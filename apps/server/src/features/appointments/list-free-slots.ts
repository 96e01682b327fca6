import { type Db, schema } from "@omniloket/db";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { BOOKING_LEAD_MS } from "./appointment-steps";
import { amsterdamDayKey } from "./counter-calendar";
import { BOOKING_WEEKS } from "./generate-slots";

export type CounterLocation = { id: string; name: string; address: string };
export type FreeSlot = { id: string; startsAt: Date; endsAt: Date; free: number };
export type FreeDay = { day: string; date: Date; slots: FreeSlot[] };

const WEEK_MS = 7 * 24 * 3_600_000;

/** The municipality's counters that take appointments, by name. Not personal data: no audit. */
export async function listCounterLocations(db: Db, tenantId: string): Promise<CounterLocation[]> {
  const l = schema.counterLocations;
  return db
    .select({ id: l.id, name: l.name, address: l.address })
    .from(l)
    .where(and(eq(l.tenantId, tenantId), eq(l.active, true)))
    .orderBy(asc(l.name));
}

/**
 * Free places at one counter in one week from now (week 0 is the coming seven days, up to
 * BOOKING_WEEKS), grouped per day in Amsterdam. Full slots and slots within the booking lead time are
 * left out. null: not a counter of this municipality.
 */
export async function listFreeSlots(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; locationId: string; week: number },
): Promise<{ location: CounterLocation; days: FreeDay[] } | null> {
  const locations = await listCounterLocations(deps.db, input.tenantId);
  const location = locations.find((l) => l.id === input.locationId);
  if (!location) return null;
  const now = deps.clock();
  const week = Math.max(0, Math.min(BOOKING_WEEKS - 1, Math.trunc(input.week) || 0));
  const from = new Date(Math.max(now.getTime() + BOOKING_LEAD_MS, now.getTime() + week * WEEK_MS));
  const until = new Date(now.getTime() + (week + 1) * WEEK_MS);
  const s = schema.appointmentSlots;
  const a = schema.appointments;
  const rows = await deps.db
    .select({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      booked: sql<number>`count(${a.id})::int`,
    })
    .from(s)
    .leftJoin(a, and(eq(a.slotId, s.id), eq(a.status, "booked")))
    .where(and(eq(s.locationId, location.id), gte(s.startsAt, from), lt(s.startsAt, until)))
    .groupBy(s.id)
    .orderBy(asc(s.startsAt));
  const days: FreeDay[] = [];
  for (const row of rows) {
    const free = row.capacity - Number(row.booked);
    if (free <= 0) continue;
    const key = amsterdamDayKey(row.startsAt);
    let day = days.at(-1);
    if (day?.day !== key) {
      day = { day: key, date: row.startsAt, slots: [] };
      days.push(day);
    }
    day.slots.push({ id: row.id, startsAt: row.startsAt, endsAt: row.endsAt, free });
  }
  return { location, days };
}
