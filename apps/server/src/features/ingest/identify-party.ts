import { randomUUID } from "node:crypto";
import { schema, type Tx } from "@omniloket/db";
import { and, eq, inArray } from "drizzle-orm";
import type { NormalisedParty } from "./normalise-input";

/** Stronger identifiers decide first when a sender gives several. */
const priority = ["bsn", "rsin", "kvk", "email", "whatsapp", "phone"] as const;

async function followMerges(tx: Tx, partyId: string): Promise<string> {
  let current = partyId;
  for (let hop = 0; hop < 10; hop++) {
    const [row] = await tx
      .select({ mergedIntoId: schema.parties.mergedIntoId })
      .from(schema.parties)
      .where(eq(schema.parties.id, current));
    if (!row?.mergedIntoId) return current;
    current = row.mergedIntoId;
  }
  return current;
}

/**
 * DESIGN §5 identity levels: the same exact channel address links to the same address-based party.
 * Nothing weaker (a name, a postcode) links automatically; that only yields merge suggestions later.
 * Returns null for an anonymous contact.
 */
export async function identifyParty(
  tx: Tx,
  tenantId: string,
  party: NormalisedParty,
  at: Date,
): Promise<string | null> {
  if (party.identifiers.length === 0) return null;
  const sorted = [...party.identifiers].sort((a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind));
  const known = await tx
    .select()
    .from(schema.partyIdentifiers)
    .where(
      and(
        eq(schema.partyIdentifiers.tenantId, tenantId),
        inArray(
          schema.partyIdentifiers.value,
          sorted.map((i) => i.value),
        ),
      ),
    );
  const match = sorted
    .map((i) => known.find((k) => k.kind === i.kind && k.value === i.value))
    .find((k) => k !== undefined);

  let partyId: string;
  if (match) {
    partyId = await followMerges(tx, match.partyId);
  } else {
    partyId = await createParty(tx, tenantId, party, sorted, at);
  }
  // Addresses the sender used that we did not know yet join the party, as asserted by the channel.
  for (const identifier of sorted) {
    if (known.some((k) => k.kind === identifier.kind && k.value === identifier.value)) continue;
    await tx
      .insert(schema.partyIdentifiers)
      .values({
        tenantId,
        partyId,
        kind: identifier.kind,
        value: identifier.value,
        verification: "asserted-by-channel",
      })
      .onConflictDoNothing();
  }
  return partyId;
}

/** A party known only by what the contact said (a name, an address), for a person to join later. */
export async function createNamedParty(
  tx: Tx,
  tenantId: string,
  party: NormalisedParty,
  at: Date,
): Promise<string> {
  const partyId = randomUUID();
  await insertParty(tx, partyId, tenantId, party, at);
  return partyId;
}

async function insertParty(tx: Tx, partyId: string, tenantId: string, party: NormalisedParty, at: Date) {
  await tx.insert(schema.parties).values({
    id: partyId,
    tenantId,
    kind: party.kind,
    identityLevel: "address-based",
    displayName: party.displayName,
    givenName: party.name?.givenName ?? null,
    familyNamePrefix: party.name?.familyNamePrefix ?? null,
    familyName: party.name?.familyName ?? null,
    organisationName: party.organisationName ?? null,
    street: party.address?.street ?? null,
    houseNumber: party.address?.houseNumber ?? null,
    postcode: party.address?.postcode ?? null,
    city: party.address?.city ?? null,
    createdAt: at,
    updatedAt: at,
  });
}

async function createParty(
  tx: Tx,
  tenantId: string,
  party: NormalisedParty,
  sorted: NormalisedParty["identifiers"],
  at: Date,
): Promise<string> {
  const [first] = sorted;
  if (!first) throw new Error("createParty needs an identifier");
  const partyId = randomUUID();
  await insertParty(tx, partyId, tenantId, party, at);
  // A concurrent ingest may have created the same address a moment ago: the unique index decides.
  const inserted = await tx
    .insert(schema.partyIdentifiers)
    .values({ tenantId, partyId, kind: first.kind, value: first.value, verification: "asserted-by-channel" })
    .onConflictDoNothing()
    .returning({ id: schema.partyIdentifiers.id });
  if (inserted.length > 0) return partyId;
  await tx.delete(schema.parties).where(eq(schema.parties.id, partyId));
  const [existing] = await tx
    .select({ partyId: schema.partyIdentifiers.partyId })
    .from(schema.partyIdentifiers)
    .where(
      and(
        eq(schema.partyIdentifiers.tenantId, tenantId),
        eq(schema.partyIdentifiers.kind, first.kind),
        eq(schema.partyIdentifiers.value, first.value),
      ),
    );
  if (!existing) throw new Error("identifier vanished during ingest");
  return followMerges(tx, existing.partyId);
}
