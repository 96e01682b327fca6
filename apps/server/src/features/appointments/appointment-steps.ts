import { type Queryable, schema } from "@omniloket/db";
import { and, count, eq } from "drizzle-orm";
import { isUuid, type PortalResident } from "../portal";

/** The earliest a slot can be booked: an hour from now, so the counter knows who comes. */
export const BOOKING_LEAD_MS = 60 * 60_000;

/** Why a booking was refused; the page says it in plain words. */
export type BookingRefusal = "full" | "unavailable" | "already-booked";

export type AppointmentResult =
  | { ok: true; appointmentId: string }
  | { ok: false; reason: BookingRefusal | "no-slot" };

type SlotRow = typeof schema.appointmentSlots.$inferSelect;
type LocationRow = typeof schema.counterLocations.$inferSelect;

/** One of the resident's own booked appointments, locked for a change; null for anything else (404). */
export async function loadOwnBookedAppointment(
  q: Queryable,
  resident: PortalResident,
  appointmentId: string,
) {
  if (!isUuid(appointmentId)) return null;
  const a = schema.appointments;
  const [row] = await q
    .select()
    .from(a)
    .where(
      and(
        eq(a.id, appointmentId),
        eq(a.tenantId, resident.tenantId),
        eq(a.partyId, resident.partyId),
        eq(a.status, "booked"),
      ),
    )
    .for("update");
  return row ?? null;
}

/** A slot with its counter; null when the id is not a slot of this municipality. */
export async function loadSlot(
  q: Queryable,
  tenantId: string,
  slotId: string,
  forUpdate = false,
): Promise<{ slot: SlotRow; location: LocationRow } | null> {
  if (!isUuid(slotId)) return null;
  const query = q
    .select({ slot: schema.appointmentSlots, location: schema.counterLocations })
    .from(schema.appointmentSlots)
    .innerJoin(schema.counterLocations, eq(schema.counterLocations.id, schema.appointmentSlots.locationId))
    .where(and(eq(schema.appointmentSlots.id, slotId), eq(schema.appointmentSlots.tenantId, tenantId)));
  // Only the slot row is locked: every booking of this slot queues here, so the count below is exact.
  const [row] = forUpdate ? await query.for("update", { of: schema.appointmentSlots }) : await query;
  return row ?? null;
}

/**
 * Takes a place in a slot inside the caller's transaction: the slot row is locked (FOR UPDATE) before
 * its booked appointments are counted, so two residents booking the last place one after the other
 * in time or at the same moment can never both get it.
 */
export async function takePlace(
  tx: Queryable,
  input: { resident: PortalResident; questionId: string; slotId: string; now: Date; replacesId?: string },
): Promise<
  | { ok: true; appointmentId: string; slot: SlotRow; location: LocationRow }
  | { ok: false; reason: BookingRefusal | "no-slot" }
> {
  const found = await loadSlot(tx, input.resident.tenantId, input.slotId, true);
  if (!found) return { ok: false, reason: "no-slot" };
  const { slot, location } = found;
  if (!location.active || slot.startsAt.getTime() < input.now.getTime() + BOOKING_LEAD_MS)
    return { ok: false, reason: "unavailable" };
  const a = schema.appointments;
  const booked = await tx
    .select({ partyId: a.partyId })
    .from(a)
    .where(and(eq(a.slotId, slot.id), eq(a.status, "booked")));
  if (booked.some((b) => b.partyId === input.resident.partyId))
    return { ok: false, reason: "already-booked" };
  if (booked.length >= slot.capacity) return { ok: false, reason: "full" };
  const [row] = await tx
    .insert(a)
    .values({
      tenantId: input.resident.tenantId,
      slotId: slot.id,
      questionId: input.questionId,
      partyId: input.resident.partyId,
      status: "booked",
      createdAt: input.now,
      replacesId: input.replacesId ?? null,
    })
    .returning({ id: a.id });
  if (!row) throw new Error("appointment insert returned nothing");
  return { ok: true, appointmentId: row.id, slot, location };
}

/** How many places of a slot are taken (for tests and the free-slot list). */
export async function bookedCount(q: Queryable, slotId: string): Promise<number> {
  const a = schema.appointments;
  const [row] = await q
    .select({ n: count() })
    .from(a)
    .where(and(eq(a.slotId, slotId), eq(a.status, "booked")));
  return row?.n ?? 0;
}
