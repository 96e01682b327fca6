import { type Queryable, schema } from "@omniloket/db";

/** The purpose of every read in the portal: the resident looks at their own data (or whom they represent). */
export const PORTAL_PURPOSE = "resident-self-service";

/** One audit row per read or change of a resident's data in the portal; the actor is the resident themselves. */
export async function recordPortalAudit(
  q: Queryable,
  input: {
    tenantId: string;
    actorPartyId: string;
    at: Date;
    action: string;
    partyIds: string[];
    objectType?: string;
    objectIds?: string[];
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await q.insert(schema.auditEvents).values({
    tenantId: input.tenantId,
    at: input.at,
    actorType: "resident",
    actorId: input.actorPartyId,
    action: input.action,
    purpose: PORTAL_PURPOSE,
    partyIds: [...new Set(input.partyIds)],
    objectType: input.objectType ?? null,
    objectIds: input.objectIds ?? [],
    details: input.details ?? {},
  });
}
