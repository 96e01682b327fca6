import { type Db, schema } from "@omniloket/db";
import { type PartyProfile, suggestMerges } from "@omniloket/domain";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { notFound } from "../../platform/errors";

type PartyRow = typeof schema.parties.$inferSelect;

function profile(row: PartyRow, bsn: string | undefined): PartyProfile {
  return {
    id: row.id,
    name:
      row.displayName ??
      ([row.givenName, row.familyNamePrefix, row.familyName].filter(Boolean).join(" ") || undefined),
    postcode: row.postcode ?? undefined,
    street: row.street ?? undefined,
    houseNumber: row.houseNumber ?? undefined,
    birthDate: row.birthDate ?? undefined,
    bsn,
    level: row.identityLevel,
  };
}

/**
 * Parties that may be the same person, with their reasons (same name and postcode, similar address,
 * same birth date). Only suggestions: a person decides, through mergeParties. The read is audited
 * with every candidate shown.
 */
export async function listMergeSuggestions(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; partyId: string },
) {
  const { db } = deps;
  const { principal } = input;
  const p = schema.parties;
  const [party] = await db
    .select()
    .from(p)
    .where(and(eq(p.id, input.partyId), eq(p.tenantId, principal.tenantId)));
  if (!party) throw notFound("Deze inwoner");
  const nearby = [
    party.postcode ? eq(p.postcode, party.postcode) : undefined,
    party.familyName ? sql`lower(${p.familyName}) = lower(${party.familyName})` : undefined,
  ].filter((c) => c !== undefined);
  if (nearby.length === 0) return { items: [] };

  const candidates = await db
    .select()
    .from(p)
    .where(and(eq(p.tenantId, principal.tenantId), ne(p.id, party.id), isNull(p.mergedIntoId), or(...nearby)))
    .limit(200);
  const bsns = await db
    .select({ partyId: schema.partyIdentifiers.partyId, value: schema.partyIdentifiers.value })
    .from(schema.partyIdentifiers)
    .where(
      and(
        eq(schema.partyIdentifiers.kind, "bsn"),
        inArray(schema.partyIdentifiers.partyId, [party.id, ...candidates.map((c) => c.id)]),
      ),
    );
  const bsnOf = (id: string) => bsns.find((b) => b.partyId === id)?.value;

  const suggestions = suggestMerges(
    profile(party, bsnOf(party.id)),
    candidates.map((c) => profile(c, bsnOf(c.id))),
  );
  const shown = suggestions.map((s) => {
    const candidate = candidates.find((c) => c.id === s.candidatePartyId);
    return {
      partyId: s.candidatePartyId,
      displayName: candidate?.displayName ?? null,
      identityLevel: candidate?.identityLevel ?? "address-based",
      reasons: s.reasons,
      score: s.score,
    };
  });
  await recordAudit(db, principal, deps.clock(), {
    action: "merge-suggestions.read",
    purpose: input.purpose,
    partyIds: [party.id, ...shown.map((s) => s.partyId)],
    objectType: "party",
    objectIds: [party.id],
  });
  return { items: shown };
}
