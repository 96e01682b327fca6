import { type Db, schema } from "@omniloket/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { notFound } from "../../platform/errors";
import { mergeAlreadyUndone } from "./identity.errors";

/** Undoes a merge or join: exactly what moved goes back; what arrived since stays with the survivor. */
export async function unmergeParties(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; mergeId: string; reason: string },
) {
  const { principal } = input;
  return deps.db.transaction(async (tx) => {
    const [record] = await tx
      .select()
      .from(schema.partyMerges)
      .where(
        and(eq(schema.partyMerges.id, input.mergeId), eq(schema.partyMerges.tenantId, principal.tenantId)),
      )
      .for("update");
    if (!record) throw notFound("Deze samenvoeging");
    if (record.undoneAt) throw mergeAlreadyUndone();
    const back = record.mergedPartyId;
    if (record.movedIdentifierIds.length > 0) {
      await tx
        .update(schema.partyIdentifiers)
        .set({ partyId: back })
        .where(inArray(schema.partyIdentifiers.id, record.movedIdentifierIds));
    }
    if (record.movedQuestionIds.length > 0) {
      await tx
        .update(schema.questions)
        .set({ residentPartyId: back })
        .where(inArray(schema.questions.id, record.movedQuestionIds));
    }
    if (record.movedInvolvementIds.length > 0) {
      await tx
        .update(schema.interactionParties)
        .set({ timelinePartyId: back })
        .where(inArray(schema.interactionParties.id, record.movedInvolvementIds));
    }
    const now = deps.clock();
    await tx
      .update(schema.parties)
      .set({ mergedIntoId: null, updatedAt: now })
      .where(eq(schema.parties.id, back));
    await tx.update(schema.partyMerges).set({ undoneAt: now }).where(eq(schema.partyMerges.id, record.id));
    await recordAudit(tx, principal, now, {
      action: "party.unmerge",
      purpose: "contact-handling",
      partyIds: [record.survivingPartyId, back],
      objectType: "party-merge",
      objectIds: [record.id],
      details: { reason: input.reason },
    });
    return { mergeId: record.id, restoredPartyId: back };
  });
}
