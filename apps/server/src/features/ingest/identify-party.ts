import { randomUUID } from "node:crypto";
import type { RawQuery } from "@omniloket/db";
import * as SQL from "./ingest-sql";
import type { NormalisedParty } from "./normalise-input";

/** Stronger identifiers decide first when a sender gives several. */
const priority = ["bsn", "rsin", "kvk", "email", "whatsapp", "phone"] as const;

const sameNumberKinds: ReadonlySet<string> = new Set(["phone", "whatsapp"]);

type KnownIdentifier = { kind: string; value: string; party_id: string; merged_into_id: string | null };

async function followMerges(query: RawQuery, partyId: string, mergedIntoId: string | null): Promise<string> {
  let current = partyId;
  let next = mergedIntoId;
  for (let hop = 0; next && hop < 10; hop++) {
    current = next;
    const [row] = await query<{ merged_into_id: string | null }>(
      SQL.mergedInto,
      [current],
      "ingest-merged-into",
    );
    next = row?.merged_into_id ?? null;
  }
  return current;
}

function partyColumns(party: NormalisedParty): unknown[] {
  return [
    party.kind,
    party.displayName,
    party.name?.givenName ?? null,
    party.name?.familyNamePrefix ?? null,
    party.name?.familyName ?? null,
    party.organisationName ?? null,
    party.address?.street ?? null,
    party.address?.houseNumber ?? null,
    party.address?.postcode ?? null,
    party.address?.city ?? null,
  ];
}

/**
 * DESIGN §5 identity levels: the same exact channel address links to the same address-based party.
 * Nothing weaker (a name, a postcode) links automatically; that only yields merge suggestions later.
 * Addresses the sender used that we did not know yet join the party, as asserted by the channel.
 * Returns null for an anonymous contact.
 */
export async function identifyParty(
  query: RawQuery,
  tenantId: string,
  party: NormalisedParty,
  at: Date,
): Promise<string | null> {
  if (party.identifiers.length === 0) return null;
  const sorted = [...party.identifiers].sort((a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind));
  const known = await query<KnownIdentifier>(
    SQL.findIdentifiers,
    [tenantId, sorted.map((i) => i.value)],
    "ingest-find-identifiers",
  );
  const isKnown = (i: { kind: string; value: string }) =>
    known.find((k) => k.kind === i.kind && k.value === i.value);
  // A mobile number is one address whether it calls, texts or uses WhatsApp: it identifies across those.
  const identifies = (i: { kind: string; value: string }) =>
    isKnown(i) ??
    known.find((k) => k.value === i.value && sameNumberKinds.has(k.kind) && sameNumberKinds.has(i.kind));
  const match = sorted.map(identifies).find((k) => k !== undefined);
  const unknown = sorted.filter((i) => !isKnown(i));

  if (!match) return createParty(query, tenantId, party, unknown, at);
  const partyId = await followMerges(query, match.party_id, match.merged_into_id);
  if (unknown.length > 0) {
    await query(
      SQL.addIdentifiers,
      [tenantId, partyId, at, unknown.map((i) => i.kind), unknown.map((i) => i.value)],
      "ingest-add-identifiers",
    );
  }
  return partyId;
}

async function createParty(
  query: RawQuery,
  tenantId: string,
  party: NormalisedParty,
  identifiers: NormalisedParty["identifiers"],
  at: Date,
): Promise<string> {
  const partyId = randomUUID();
  const [row] = await query<{ created: number }>(
    SQL.createPartyWithIdentifiers,
    [
      partyId,
      tenantId,
      ...partyColumns(party),
      at,
      identifiers.map((i) => i.kind),
      identifiers.map((i) => i.value),
    ],
    "ingest-create-party",
  );
  if (row?.created === 1) return partyId;
  // A concurrent ingest created the same address a moment ago: that party is the sender.
  const [first] = await query<KnownIdentifier>(
    SQL.findIdentifiers,
    [tenantId, identifiers.map((i) => i.value)],
    "ingest-find-identifiers",
  );
  if (!first) throw new Error("identifier vanished during ingest");
  return followMerges(query, first.party_id, first.merged_into_id);
}

/** A party known only by what the contact said (a name, an address), for a person to join later. */
export async function createNamedParty(
  query: RawQuery,
  tenantId: string,
  party: NormalisedParty,
  at: Date,
): Promise<string> {
  const partyId = randomUUID();
  await query(SQL.insertParty, [partyId, tenantId, ...partyColumns(party), at], "ingest-insert-party");
  return partyId;
}
