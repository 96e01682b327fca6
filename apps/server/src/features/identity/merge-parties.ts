import { type Db, schema } from "@omniloket/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { notFound } from "../../platform/errors";
import {
  alreadyMerged,
  cannotMergeWithItself,
  conflictingVerifiedIdentities,
  notVerified,
} from "./identity.errors";

export type MergeInput = {
  principal: Principal;
  survivingPartyId: string;
  mergedPartyId: string;
  reason: string;
  /** join-verified: an address-based party joins the verified person it turned out to be. */
  kind: "merge" | "join-verified";
};

/**
 * Merges one party into another, explicitly and reversibly: identifiers, questions and timeline entries
 * move to the surviving party, and what moved is recorded so `unmergeParties` can put it back.
 */
export async function mergeParties(deps: { db: Db; clock: () => Date }, input: MergeInput) {
  const { principal } = input;
  if (input.survivingPartyId === input.mergedPartyId) throw cannotMergeWithItself();
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(schema.parties)
      .where(
        and(
          eq(schema.parties.tenantId, principal.tenantId),
          inArray(schema.parties.id, [input.survivingPartyId, input.mergedPartyId]),
        ),
      )
      .for("update");
    const surviving = rows.find((r) => r.id === input.survivingPartyId);
    const merged = rows.find((r) => r.id === input.mergedPartyId);
    if (!surviving || !merged) throw notFound("Deze inwoner");
    if (surviving.mergedIntoId || merged.mergedIntoId) throw alreadyMerged();
    if (input.kind === "join-verified" && surviving.identityLevel !== "verified") throw notVerified();

    const identifiers = await tx
      .select()
      .from(schema.partyIdentifiers)
      .where(inArray(schema.partyIdentifiers.partyId, [surviving.id, merged.id]));
    const bsnOf = (partyId: string) =>
      identifiers.find((i) => i.partyId === partyId && i.kind === "bsn")?.value;
    const [a, b] = [bsnOf(surviving.id), bsnOf(merged.id)];
    if (a && b && a !== b) throw conflictingVerifiedIdentities();

    const movedIdentifiers = await tx
      .update(schema.partyIdentifiers)
      .set({ partyId: surviving.id })
      .where(eq(schema.partyIdentifiers.partyId, merged.id))
      .returning({ id: schema.partyIdentifiers.id });
    const movedQuestions = await tx
      .update(schema.questions)
      .set({ residentPartyId: surviving.id })
      .where(
        and(
          eq(schema.questions.tenantId, principal.tenantId),
          eq(schema.questions.residentPartyId, merged.id),
        ),
      )
      .returning({ id: schema.questions.id });
    const movedInvolvements = await tx
      .update(schema.interactionParties)
      .set({ timelinePartyId: surviving.id })
      .where(
        and(
          eq(schema.interactionParties.tenantId, principal.tenantId),
          eq(schema.interactionParties.timelinePartyId, merged.id),
        ),
      )
      .returning({ id: schema.interactionParties.id });
    const now = deps.clock();
    await tx
      .update(schema.parties)
      .set({ mergedIntoId: surviving.id, updatedAt: now })
      .where(eq(schema.parties.id, merged.id));
    const [record] = await tx
      .insert(schema.partyMerges)
      .values({
        tenantId: principal.tenantId,
        kind: input.kind,
        survivingPartyId: surviving.id,
        mergedPartyId: merged.id,
        movedIdentifierIds: movedIdentifiers.map((r) => r.id),
        movedQuestionIds: movedQuestions.map((r) => r.id),
        movedInvolvementIds: movedInvolvements.map((r) => r.id),
        reason: input.reason,
        byEmployeeId: principal.kind === "employee" ? principal.employeeId : null,
        createdAt: now,
      })
      .returning({ id: schema.partyMerges.id });
    if (!record) throw new Error("merge record insert returned nothing");
    await recordAudit(tx, principal, now, {
      action: input.kind === "merge" ? "party.merge" : "party.join-verified",
      purpose: "contact-handling",
      partyIds: [surviving.id, merged.id],
      objectType: "party-merge",
      objectIds: [record.id],
      details: { reason: input.reason },
    });
    return {
      mergeId: record.id,
      movedIdentifiers: movedIdentifiers.length,
      movedQuestions: movedQuestions.length,
      movedInvolvements: movedInvolvements.length,
    };
  });
}
