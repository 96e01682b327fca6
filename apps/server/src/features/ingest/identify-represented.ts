import { schema, type Tx } from "@omniloket/db";
import { normaliseName } from "@omniloket/domain";
import { and, eq, isNull } from "drizzle-orm";
import { createNamedParty, identifyParty } from "./identify-party";
import type { NormalisedParty } from "./normalise-input";

type ActingFor = NormalisedParty & { relation: string };

function sameName(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && normaliseName(a) === normaliseName(b);
}

/**
 * The resident a representative acts for. Identifiers decide when the channel has them; otherwise the
 * sender's registered representations (one of that kind, or the one with that name). Someone we cannot
 * find becomes a new party known only by the name given, for a person to join later.
 */
export async function identifyRepresented(
  tx: Tx,
  tenantId: string,
  senderPartyId: string | null,
  actingFor: ActingFor,
  at: Date,
): Promise<string> {
  if (actingFor.identifiers.length > 0) {
    const partyId = await identifyParty(tx, tenantId, actingFor, at);
    if (partyId) return partyId;
  }
  if (senderPartyId) {
    const represented = await tx
      .select({
        id: schema.parties.id,
        displayName: schema.parties.displayName,
        kind: schema.representations.kind,
      })
      .from(schema.representations)
      .innerJoin(schema.parties, eq(schema.parties.id, schema.representations.representedPartyId))
      .where(
        and(
          eq(schema.representations.tenantId, tenantId),
          eq(schema.representations.representativePartyId, senderPartyId),
          isNull(schema.representations.validUntil),
        ),
      );
    const byName = represented.filter((r) => sameName(r.displayName, actingFor.displayName));
    const byRelation = represented.filter((r) => r.kind === actingFor.relation);
    const match = byName.length === 1 ? byName[0] : byRelation.length === 1 ? byRelation[0] : undefined;
    if (match) return match.id;
  }
  return createNamedParty(tx, tenantId, actingFor, at);
}
