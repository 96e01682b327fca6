import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { type PortalResident, recordPortalAudit } from "../portal";
import { appointmentsOf, type MyAppointment } from "./appointment-rows";

/** One of the resident's own booked appointments (to reschedule it); null for anything else (404). */
export async function getMyAppointment(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  appointmentId: string,
): Promise<MyAppointment | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appointmentId)) return null;
  const a = schema.appointments;
  const [row] = await appointmentsOf(deps.db).where(
    and(
      eq(a.id, appointmentId),
      eq(a.tenantId, resident.tenantId),
      eq(a.partyId, resident.partyId),
      eq(a.status, "booked"),
    ),
  );
  if (!row) return null;
  await recordPortalAudit(deps.db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: deps.clock(),
    action: "portal.appointment.read",
    partyIds: [resident.partyId],
    objectType: "appointment",
    objectIds: [row.id],
  });
  return row;
}
