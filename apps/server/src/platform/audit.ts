import { type Queryable, schema } from "@omniloket/db";
import { actorOf, type Principal } from "./auth/principal";
import type { Purpose } from "./auth/roles";

export type AuditEntry = {
  action: string;
  purpose: Purpose;
  partyIds: string[];
  objectType?: string;
  objectIds?: string[];
  details?: Record<string, unknown>;
};

/** One audit row per read or change of a resident's data: who, what, when, why. */
export async function recordAudit(
  q: Queryable,
  principal: Principal,
  at: Date,
  entry: AuditEntry,
): Promise<void> {
  const { actorType, actorId } = actorOf(principal);
  await q.insert(schema.auditEvents).values({
    tenantId: principal.tenantId,
    at,
    actorType,
    actorId,
    action: entry.action,
    purpose: entry.purpose,
    partyIds: [...new Set(entry.partyIds)],
    objectType: entry.objectType ?? null,
    objectIds: entry.objectIds ?? [],
    details: entry.details ?? {},
  });
}
