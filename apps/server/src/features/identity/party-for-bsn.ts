import { schema, type Tx } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { survivingParty } from "./party-for-email";

/**
 * The person a login proved (OpenID Connect: DigiD through a broker), by their BSN. Known: the BSN
 * counts as verified by login from now and the party (following merges) as verified. Unknown: a new
 * verified person known by this BSN only. Address-based records are never joined here: that is the
 * resident's own explicit step after they confirm (decision 0010).
 */
export async function partyForBsn(tx: Tx, tenantId: string, bsn: string, now: Date): Promise<string> {
  const [known] = await tx
    .select({ id: schema.partyIdentifiers.id, partyId: schema.partyIdentifiers.partyId })
    .from(schema.partyIdentifiers)
    .where(
      and(
        eq(schema.partyIdentifiers.tenantId, tenantId),
        eq(schema.partyIdentifiers.kind, "bsn"),
        eq(schema.partyIdentifiers.value, bsn),
      ),
    );
  if (known) {
    await tx
      .update(schema.partyIdentifiers)
      .set({ verification: "login", verifiedAt: now })
      .where(eq(schema.partyIdentifiers.id, known.id));
    const partyId = await survivingParty(tx, known.partyId);
    await tx
      .update(schema.parties)
      .set({ identityLevel: "verified", updatedAt: now })
      .where(and(eq(schema.parties.id, partyId), eq(schema.parties.identityLevel, "address-based")));
    return partyId;
  }
  const [party] = await tx
    .insert(schema.parties)
    .values({ tenantId, kind: "person", identityLevel: "verified", createdAt: now, updatedAt: now })
    .returning({ id: schema.parties.id });
  if (!party) throw new Error("party insert returned nothing");
  await tx.insert(schema.partyIdentifiers).values({
    tenantId,
    partyId: party.id,
    kind: "bsn",
    value: bsn,
    verification: "login",
    verifiedAt: now,
    createdAt: now,
  });
  return party.id;
}
