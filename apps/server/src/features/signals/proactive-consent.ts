import { type Queryable, schema } from "@omniloket/db";
import { and, desc, eq, inArray } from "drizzle-orm";

/** The consent purpose signals depend on (as the portal and the generator record it). */
export const PROACTIVE_PURPOSE = "proactive-contact";

/**
 * Residents among `partyIds` whose latest consent for proactive contact is a withdrawal. Signals are
 * opt-out: no consent record means the municipality may look; a withdrawal means it does not.
 */
export async function withdrawnProactiveConsent(
  q: Queryable,
  tenantId: string,
  partyIds: readonly string[],
): Promise<Set<string>> {
  if (partyIds.length === 0) return new Set();
  const rows = await q
    .select({ partyId: schema.consents.partyId, given: schema.consents.given })
    .from(schema.consents)
    .where(
      and(
        eq(schema.consents.tenantId, tenantId),
        eq(schema.consents.purpose, PROACTIVE_PURPOSE),
        inArray(schema.consents.partyId, [...partyIds]),
      ),
    )
    .orderBy(desc(schema.consents.recordedAt), desc(schema.consents.id));
  const latest = new Map<string, boolean>();
  for (const row of rows) if (!latest.has(row.partyId)) latest.set(row.partyId, row.given);
  return new Set([...latest].filter(([, given]) => !given).map(([partyId]) => partyId));
}
