import { type Db, schema } from "@omniloket/db";
import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import { processPrincipal } from "../../platform/auth/principal";
import { writeAppointmentMessage } from "./appointment-message";
import { appointmentText } from "./appointment-texts";

/** A reminder goes out from this long before the appointment: the day before. */
export const REMINDER_BEFORE_MS = 24 * 3_600_000;

/**
 * Reminds residents of their appointment the day before (from 24 hours ahead), on the channel the reply
 * rule picks for them, through the outbox like any message; written into the appointment's question.
 * Sent once: `reminder_sent_at` is set in the same transaction as the message, and the rows are claimed
 * with FOR UPDATE SKIP LOCKED, so two processes or two runs never remind twice. An appointment booked
 * within those 24 hours gets no reminder (its confirmation has just gone out).
 */
export async function sendAppointmentReminders(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; limit?: number },
): Promise<{ reminded: number }> {
  const now = deps.clock();
  const horizon = new Date(now.getTime() + REMINDER_BEFORE_MS);
  const a = schema.appointments;
  const s = schema.appointmentSlots;
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({
        appointment: a,
        startsAt: s.startsAt,
        locationName: schema.counterLocations.name,
        address: schema.counterLocations.address,
      })
      .from(a)
      .innerJoin(s, eq(s.id, a.slotId))
      .innerJoin(schema.counterLocations, eq(schema.counterLocations.id, s.locationId))
      .where(
        and(
          eq(a.tenantId, input.tenantId),
          eq(a.status, "booked"),
          isNull(a.reminderSentAt),
          gt(s.startsAt, now),
          lte(s.startsAt, horizon),
          lte(a.createdAt, sql`${s.startsAt} - interval '24 hours'`),
        ),
      )
      .orderBy(asc(s.startsAt))
      .limit(input.limit ?? 100)
      .for("update", { of: a, skipLocked: true });
    const principal = processPrincipal(input.tenantId, "appointments");
    for (const row of due) {
      const [question] = await tx
        .select()
        .from(schema.questions)
        .where(eq(schema.questions.id, row.appointment.questionId));
      if (!question) continue;
      await tx.update(a).set({ reminderSentAt: now }).where(eq(a.id, row.appointment.id));
      const message = await writeAppointmentMessage(tx, {
        question,
        kind: "reminder",
        appointmentId: row.appointment.id,
        now,
        text: (language) =>
          appointmentText("reminder", language, {
            reference: question.reference,
            locationName: row.locationName,
            address: row.address,
            startsAt: row.startsAt,
          }),
      });
      await recordAudit(tx, principal, now, {
        action: "appointment.reminder",
        purpose: "contact-handling",
        partyIds: [row.appointment.partyId],
        objectType: "appointment",
        objectIds: [row.appointment.id],
        details: { questionId: question.id, interactionId: message.interactionId, channel: message.channel },
      });
    }
    return { reminded: due.length };
  });
}
