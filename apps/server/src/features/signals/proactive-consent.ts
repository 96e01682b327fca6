import { type Queryable, schema } from "@omniloket/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { type PrivacySettings, tenantSettings } from "../organisation";

/** The consent purpose signals depend on (as the portal and the generator record it). */
export const PROACTIVE_PURPOSE = "proactive-contact";

/**
 * Residents among `partyIds` who get no signals: those whose latest consent for proactive contact is a
 * withdrawal, and, where the municipality chose opt-in (settings.privacy.proactiveContact, see
 * docs/decisions/0009), also those who never gave it. Opt-out (the default): no record means the
 * municipality may look.
 */
export async function withoutProactiveConsent(
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
  const privacy = (await tenantSettings(q, tenantId)).privacy;
  return withdrawnFrom(rows, privacy, partyIds);
}

/**
 * The same decision from rows already read: `consents` newest first per resident, and the
 * municipality's privacy settings.
 */
export function withdrawnFrom(
  consents: ReadonlyArray<{ partyId: string; given: boolean }>,
  privacy: PrivacySettings,
  partyIds: readonly string[],
): Set<string> {
  const latest = new Map<string, boolean>();
  for (const row of consents) if (!latest.has(row.partyId)) latest.set(row.partyId, row.given);
  const optIn = privacy.proactiveContact === "opt-in";
  return new Set(
    partyIds.filter((partyId) => latest.get(partyId) === false || (optIn && latest.get(partyId) !== true)),
  );
}
