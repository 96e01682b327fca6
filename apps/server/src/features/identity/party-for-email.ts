import { schema, type Tx } from "@omniloket/db";
import type { Verification } from "@omniloket/db/schema";
import { and, eq } from "drizzle-orm";

/** The party that lives on after merges. */
export async function survivingParty(tx: Tx, partyId: string): Promise<string> {
  let current = partyId;
  for (let hop = 0; hop < 10; hop++) {
    const [party] = await tx
      .select({ mergedIntoId: schema.parties.mergedIntoId })
      .from(schema.parties)
      .where(eq(schema.parties.id, current));
    if (!party?.mergedIntoId) break;
    current = party.mergedIntoId;
  }
  return current;
}

/**
 * The resident who owns an email address (following merges). Proved with a code (the web chat's
 * identification, the portal's login): the identifier counts as verified by code from now. Nobody has
 * the address yet: a new resident known by this address only, so what they ask later on any channel
 * with this address lands with them.
 */
export async function partyForEmail(
  tx: Tx,
  tenantId: string,
  email: string,
  verification: Verification,
  now: Date,
): Promise<string> {
  return partyForAddress(tx, tenantId, { kind: "email", value: email }, verification, now);
}

/** As partyForEmail, for a normalised email address or E.164 phone number (the portal's SMS login). */
export async function partyForAddress(
  tx: Tx,
  tenantId: string,
  address: { kind: "email" | "phone"; value: string },
  verification: Verification,
  now: Date,
): Promise<string> {
  const [known] = await tx
    .select({ id: schema.partyIdentifiers.id, partyId: schema.partyIdentifiers.partyId })
    .from(schema.partyIdentifiers)
    .where(
      and(
        eq(schema.partyIdentifiers.tenantId, tenantId),
        eq(schema.partyIdentifiers.kind, address.kind),
        eq(schema.partyIdentifiers.value, address.value),
      ),
    );
  if (known) {
    if (verification === "code")
      await tx
        .update(schema.partyIdentifiers)
        .set({ verification: "code", verifiedAt: now })
        .where(eq(schema.partyIdentifiers.id, known.id));
    return survivingParty(tx, known.partyId);
  }
  const [party] = await tx
    .insert(schema.parties)
    .values({ tenantId, kind: "person", identityLevel: "address-based", createdAt: now, updatedAt: now })
    .returning({ id: schema.parties.id });
  if (!party) throw new Error("party insert returned nothing");
  await tx.insert(schema.partyIdentifiers).values({
    tenantId,
    partyId: party.id,
    kind: address.kind,
    value: address.value,
    verification,
    verifiedAt: verification === "code" ? now : null,
    createdAt: now,
  });
  return party.id;
}
