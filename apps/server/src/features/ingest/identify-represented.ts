import type { RawQuery } from "@omniloket/db";
import { normaliseName } from "@omniloket/domain";
import { createNamedParty, identifyParty } from "./identify-party";
import * as SQL from "./ingest-sql";
import type { NormalisedParty } from "./normalise-input";

type ActingFor = NormalisedParty & { relation: string };

function sameName(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && normaliseName(a) === normaliseName(b);
}

/**
 * The resident a representative acts for. Identifiers decide when the channel has them; otherwise the
 * sender's registered representations (the one with that name, or the only one of that kind). Someone
 * we cannot find becomes a new party known only by the name given, for a person to join later.
 */
export async function identifyRepresented(
  query: RawQuery,
  tenantId: string,
  senderPartyId: string | null,
  actingFor: ActingFor,
  at: Date,
): Promise<string> {
  if (actingFor.identifiers.length > 0) {
    const partyId = await identifyParty(query, tenantId, actingFor, at);
    if (partyId) return partyId;
  }
  if (senderPartyId) {
    const represented = await query<{ id: string; display_name: string | null; kind: string }>(
      SQL.representedBy,
      [tenantId, senderPartyId],
      "ingest-represented-by",
    );
    const byName = represented.filter((r) => sameName(r.display_name, actingFor.displayName));
    const byRelation = represented.filter((r) => r.kind === actingFor.relation);
    const match = byName.length === 1 ? byName[0] : byRelation.length === 1 ? byRelation[0] : undefined;
    if (match) return match.id;
  }
  return createNamedParty(query, tenantId, actingFor, at);
}
