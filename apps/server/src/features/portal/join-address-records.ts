import { type Db, type Queryable, schema } from "@omniloket/db";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { processPrincipal } from "../../platform/auth/principal";
import { AppError } from "../../platform/errors";
import { mergeParties } from "../identity";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";

/** What joining would bring to the verified resident: the proven addresses and their questions. */
export type AddressJoinPreview = {
  addresses: { kind: string; value: string }[];
  questionReferences: string[];
};

/**
 * Whether an address-based resident (proved by a code in this browser) may be joined to the resident
 * who logged in with DigiD: both in this municipality and not merged, the one verified, the other
 * address-based without a BSN. Anything else is not offered (null).
 */
async function joinable(q: Queryable, tenantId: string, verifiedPartyId: string, addressPartyId: string) {
  if (verifiedPartyId === addressPartyId) return false;
  const p = schema.parties;
  const rows = await q
    .select({ id: p.id, level: p.identityLevel })
    .from(p)
    .where(
      and(eq(p.tenantId, tenantId), inArray(p.id, [verifiedPartyId, addressPartyId]), isNull(p.mergedIntoId)),
    );
  const verified = rows.find((r) => r.id === verifiedPartyId);
  const address = rows.find((r) => r.id === addressPartyId);
  if (verified?.level !== "verified" || address?.level !== "address-based") return false;
  const bsn = await q
    .select({ id: schema.partyIdentifiers.id })
    .from(schema.partyIdentifiers)
    .where(and(eq(schema.partyIdentifiers.partyId, addressPartyId), eq(schema.partyIdentifiers.kind, "bsn")));
  return bsn.length === 0;
}

/** The join the resident is asked to confirm; audit-logged as a read of both parties' data. */
export async function previewAddressJoin(
  deps: { db: Db; clock: () => Date },
  input: { resident: PortalResident; addressPartyId: string },
): Promise<AddressJoinPreview | null> {
  const { resident, addressPartyId } = input;
  if (!(await joinable(deps.db, resident.tenantId, resident.partyId, addressPartyId))) return null;
  const i = schema.partyIdentifiers;
  const addresses = await deps.db
    .select({ kind: i.kind, value: i.value })
    .from(i)
    .where(and(eq(i.tenantId, resident.tenantId), eq(i.partyId, addressPartyId)))
    .orderBy(asc(i.kind), asc(i.value));
  const q = schema.questions;
  const questions = await deps.db
    .select({ reference: q.reference })
    .from(q)
    .where(
      and(eq(q.tenantId, resident.tenantId), eq(q.residentPartyId, addressPartyId), isNull(q.mergedIntoId)),
    )
    .orderBy(asc(q.openedAt));
  await recordPortalAudit(deps.db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: deps.clock(),
    action: "portal.join.preview",
    partyIds: [resident.partyId, addressPartyId],
    objectType: "party",
    objectIds: [addressPartyId],
  });
  return { addresses, questionReferences: questions.map((row) => row.reference) };
}

/**
 * The resident confirmed: the address-based records join the verified person through the identity
 * feature's reversible join (kind join-verified, recorded in party_merges so staff can undo it), and
 * the resident's confirmation is audit-logged. False when the join is no longer possible.
 */
export async function joinAddressRecords(
  deps: { db: Db; clock: () => Date },
  input: { resident: PortalResident; addressPartyId: string; verifiedBy: string },
): Promise<boolean> {
  const { resident, addressPartyId } = input;
  if (!(await joinable(deps.db, resident.tenantId, resident.partyId, addressPartyId))) return false;
  let result: Awaited<ReturnType<typeof mergeParties>>;
  try {
    result = await mergeParties(deps, {
      principal: processPrincipal(resident.tenantId, "portal"),
      survivingPartyId: resident.partyId,
      mergedPartyId: addressPartyId,
      kind: "join-verified",
      reason: `Bevestigd door de inwoner in Mijn gemeente: ingelogd met ${input.verifiedBy}, adres bewezen met een code.`,
    });
  } catch (error) {
    // Joined or merged in the meantime (another tab, an employee): nothing more to join.
    if (error instanceof AppError) return false;
    throw error;
  }
  await recordPortalAudit(deps.db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: deps.clock(),
    action: "portal.join.confirmed",
    partyIds: [resident.partyId, addressPartyId],
    objectType: "party-merge",
    objectIds: [result.mergeId],
  });
  return true;
}
