import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { type PortalResident, recordPortalAudit } from "../portal";
import { writeAppointmentMessage } from "./appointment-message";
import { type AppointmentResult, loadOwnBookedAppointment, loadSlot, takePlace } from "./appointment-steps";
import { appointmentText } from "./appointment-texts";

/**
 * The resident moves a booked appointment to another slot, atomically: the new place is taken (slot
 * locked, capacity counted) and the old one cancelled in the same transaction, so they never end up
 * with both or neither. The new appointment keeps the question; one message tells them the new time.
 * null: not their appointment (404).
 */
export async function rescheduleAppointment(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { appointmentId: string; slotId: string },
): Promise<AppointmentResult | null> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const old = await loadOwnBookedAppointment(tx, resident, input.appointmentId);
    if (!old) return null;
    const [question] = await tx
      .select()
      .from(schema.questions)
      .where(eq(schema.questions.id, old.questionId));
    const previous = await loadSlot(tx, resident.tenantId, old.slotId);
    if (!question || !previous || previous.slot.startsAt <= now) return null;
    if (input.slotId === old.slotId) return { ok: false as const, reason: "already-booked" as const };
    // The old place is given up first, so a slot with one place left can take the resident's own move.
    await tx
      .update(schema.appointments)
      .set({ status: "cancelled", cancelledAt: now })
      .where(eq(schema.appointments.id, old.id));
    const place = await takePlace(tx, {
      resident,
      questionId: question.id,
      slotId: input.slotId,
      now,
      replacesId: old.id,
    });
    if (!place.ok) {
      // Undo inside this transaction: the old appointment stays as it was.
      await tx
        .update(schema.appointments)
        .set({ status: "booked", cancelledAt: null })
        .where(eq(schema.appointments.id, old.id));
      return place;
    }
    const message = await writeAppointmentMessage(tx, {
      question,
      kind: "reschedule",
      appointmentId: place.appointmentId,
      now,
      text: (language) =>
        appointmentText("reschedule", language, {
          reference: question.reference,
          locationName: place.location.name,
          address: place.location.address,
          startsAt: place.slot.startsAt,
          previousStartsAt: previous.slot.startsAt,
        }),
    });
    await recordPortalAudit(tx, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: now,
      action: "portal.appointment.reschedule",
      partyIds: [resident.partyId],
      objectType: "appointment",
      objectIds: [old.id, place.appointmentId],
      details: {
        questionId: question.id,
        fromSlotId: previous.slot.id,
        toSlotId: place.slot.id,
        interactionId: message.interactionId,
      },
    });
    return { ok: true as const, appointmentId: place.appointmentId };
  });
}
