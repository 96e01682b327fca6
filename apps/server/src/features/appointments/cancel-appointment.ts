import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { type PortalResident, recordPortalAudit } from "../portal";
import { writeAppointmentMessage } from "./appointment-message";
import { loadOwnBookedAppointment, loadSlot } from "./appointment-steps";
import { appointmentText } from "./appointment-texts";

/**
 * The resident cancels one of their booked appointments: its place is free again at once, and the
 * cancellation is written into the appointment's question on their reply channel. null: not theirs,
 * no longer booked, or already begun (the page answers 404, never 403).
 */
export async function cancelAppointment(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { appointmentId: string },
): Promise<{ ok: true } | null> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const appointment = await loadOwnBookedAppointment(tx, resident, input.appointmentId);
    if (!appointment) return null;
    const found = await loadSlot(tx, resident.tenantId, appointment.slotId);
    const [question] = await tx
      .select()
      .from(schema.questions)
      .where(eq(schema.questions.id, appointment.questionId));
    // One that has begun can no longer be cancelled here.
    if (!found || !question || found.slot.startsAt <= now) return null;
    await tx
      .update(schema.appointments)
      .set({ status: "cancelled", cancelledAt: now })
      .where(eq(schema.appointments.id, appointment.id));
    const message = await writeAppointmentMessage(tx, {
      question,
      kind: "cancellation",
      appointmentId: appointment.id,
      now,
      text: (language) =>
        appointmentText("cancellation", language, {
          reference: question.reference,
          locationName: found.location.name,
          address: found.location.address,
          startsAt: found.slot.startsAt,
        }),
    });
    await recordPortalAudit(tx, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: now,
      action: "portal.appointment.cancel",
      partyIds: [resident.partyId],
      objectType: "appointment",
      objectIds: [appointment.id],
      details: { questionId: question.id, slotId: found.slot.id, interactionId: message.interactionId },
    });
    return { ok: true as const };
  });
}
