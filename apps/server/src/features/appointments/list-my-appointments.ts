import { type Db, schema } from "@omniloket/db";
import { and, asc, eq, gt } from "drizzle-orm";
import { type PortalResident, recordPortalAudit } from "../portal";
import { appointmentsOf, type MyAppointment } from "./appointment-rows";

/**
 * "Mijn afspraken": the resident's own booked appointments that have not ended yet, soonest first.
 * Only their own (the appointment's party is the session's); the read is audit-logged.
 */
export async function listMyAppointments(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  options: { questionId?: string } = {},
): Promise<MyAppointment[]> {
  const now = deps.clock();
  const a = schema.appointments;
  const rows = await appointmentsOf(deps.db)
    .where(
      and(
        eq(a.tenantId, resident.tenantId),
        eq(a.partyId, resident.partyId),
        eq(a.status, "booked"),
        gt(schema.appointmentSlots.endsAt, now),
        ...(options.questionId ? [eq(a.questionId, options.questionId)] : []),
      ),
    )
    .orderBy(asc(schema.appointmentSlots.startsAt));
  await recordPortalAudit(deps.db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: now,
    action: "portal.appointments.list",
    partyIds: [resident.partyId],
    objectType: "appointment",
    objectIds: rows.map((r) => r.id),
  });
  return rows;
}
