import { type Queryable, schema } from "@omniloket/db";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";

export type RepresentedParty = { partyId: string; name: string | null };

/** Whom this resident represents now (a valid representation), with a name to label their questions. */
export async function representedParties(
  q: Queryable,
  input: { tenantId: string; partyId: string; now: Date },
): Promise<RepresentedParty[]> {
  const r = schema.representations;
  const rows = await q
    .selectDistinct({ partyId: r.representedPartyId })
    .from(r)
    .where(
      and(
        eq(r.tenantId, input.tenantId),
        eq(r.representativePartyId, input.partyId),
        lte(r.validFrom, input.now),
        or(isNull(r.validUntil), gt(r.validUntil, input.now)),
      ),
    );
  const ids = rows.map((row) => row.partyId).filter((id) => id !== input.partyId);
  if (ids.length === 0) return [];
  const p = schema.parties;
  const parties = await q
    .select({
      id: p.id,
      displayName: p.displayName,
      givenName: p.givenName,
      prefix: p.familyNamePrefix,
      familyName: p.familyName,
      organisationName: p.organisationName,
    })
    .from(p)
    .where(and(eq(p.tenantId, input.tenantId), inArray(p.id, ids), isNull(p.mergedIntoId)));
  return parties.map((party) => ({
    partyId: party.id,
    name:
      party.displayName ??
      party.organisationName ??
      ([party.givenName, party.prefix, party.familyName].filter(Boolean).join(" ") || null),
  }));
}
