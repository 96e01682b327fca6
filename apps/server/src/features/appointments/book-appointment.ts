import type { Db } from "@omniloket/db";
import { loadOwnQuestion, type PortalResident, recordPortalAudit } from "../portal";
import { writeAppointmentMessage } from "./appointment-message";
import { type AppointmentResult, takePlace } from "./appointment-steps";
import { appointmentText } from "./appointment-texts";

/**
 * The resident books a place at a counter for one of their own questions. In one transaction: the slot
 * is locked and its places counted (capacity is never exceeded), the appointment is stored with its
 * question, and a confirmation is written into that question on the resident's reply channel (sent
 * through the outbox), so the appointment stays in the same question. null: not their question (404).
 */
export async function bookAppointment(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { questionId: string; slotId: string },
): Promise<AppointmentResult | null> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const question = await loadOwnQuestion(tx, resident, input.questionId);
    if (!question) return null;
    const place = await takePlace(tx, { resident, questionId: question.id, slotId: input.slotId, now });
    if (!place.ok) return place;
    const message = await writeAppointmentMessage(tx, {
      question,
      kind: "confirmation",
      appointmentId: place.appointmentId,
      now,
      text: (language) =>
        appointmentText("confirmation", language, {
          reference: question.reference,
          locationName: place.location.name,
          address: place.location.address,
          startsAt: place.slot.startsAt,
        }),
    });
    await recordPortalAudit(tx, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: now,
      action: "portal.appointment.book",
      partyIds: [resident.partyId],
      objectType: "appointment",
      objectIds: [place.appointmentId],
      details: {
        questionId: question.id,
        slotId: place.slot.id,
        locationId: place.location.id,
        interactionId: message.interactionId,
        channel: message.channel,
      },
    });
    return { ok: true as const, appointmentId: place.appointmentId };
  });
}
