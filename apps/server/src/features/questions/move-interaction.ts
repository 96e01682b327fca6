import { type Db, schema, type Tx } from "@omniloket/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { invalidInput, notFound } from "../../platform/errors";
import { announceQuestionChanges } from "./announce-question-changes";
import { chatsFollowContacts } from "./chats-follow-contacts";
import { loadQuestionForChange } from "./load-question-for-change";
import { recordStatusChange } from "./record-status-change";
import { refreshQuestionActivity } from "./refresh-question-activity";
import { resolveQuestionReference } from "./resolve-question-reference";

/**
 * Corrects the threading: one contact moves to another question of the same municipality. A question
 * left without contacts is merged into the target, so its reference keeps leading somewhere.
 */
export async function moveInteraction(
  deps: { db: Db; clock: () => Date },
  input: Omit<MoveInteractionInput, "targetQuestionId"> & {
    targetQuestionId?: string;
    targetReference?: string;
  },
) {
  return deps.db.transaction(async (tx) => {
    const targetQuestionId =
      input.targetQuestionId ??
      (await resolveQuestionReference(tx, input.principal.tenantId, input.targetReference ?? ""));
    return moveInteractionInTransaction(tx, deps.clock(), { ...input, targetQuestionId });
  });
}

export type MoveInteractionInput = {
  principal: Principal;
  interactionId: string;
  targetQuestionId: string;
  reason: string;
};

export async function moveInteractionInTransaction(tx: Tx, now: Date, input: MoveInteractionInput) {
  const { principal } = input;
  {
    const [interaction] = await tx
      .select({ id: schema.interactions.id, questionId: schema.interactions.questionId })
      .from(schema.interactions)
      .where(
        and(
          eq(schema.interactions.id, input.interactionId),
          eq(schema.interactions.tenantId, principal.tenantId),
        ),
      );
    if (!interaction) throw notFound("Dit contact");
    if (interaction.questionId === input.targetQuestionId) {
      throw invalidInput([
        { name: "targetQuestionId", code: "same-question", reason: "Het contact hoort al bij deze vraag." },
      ]);
    }
    const source = await loadQuestionForChange(tx, principal, interaction.questionId);
    const target = await loadQuestionForChange(tx, principal, input.targetQuestionId);
    await tx
      .update(schema.interactions)
      .set({ questionId: target.id })
      .where(eq(schema.interactions.id, interaction.id));
    await chatsFollowContacts(tx, source.id);
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.interactions)
      .where(eq(schema.interactions.questionId, source.id));
    if ((left?.n ?? 0) === 0) {
      await tx
        .update(schema.tasks)
        .set({ questionId: target.id })
        .where(eq(schema.tasks.questionId, source.id));
      await tx
        .update(schema.questions)
        .set({ mergedIntoId: target.id, status: "resolved", resolvedAt: now })
        .where(eq(schema.questions.id, source.id));
      await recordStatusChange(tx, principal, {
        questionId: source.id,
        from: source.status,
        to: "resolved",
        at: now,
      });
    } else {
      await refreshQuestionActivity(tx, source.id);
    }
    await refreshQuestionActivity(tx, target.id);
    await announceQuestionChanges(tx, principal.tenantId, [source, target], now);
    await recordAudit(tx, principal, now, {
      action: "interaction.move",
      purpose: "contact-handling",
      partyIds: [source.residentPartyId, target.residentPartyId].filter((id): id is string => id !== null),
      objectType: "interaction",
      objectIds: [interaction.id],
      details: { from: source.id, to: target.id, reason: input.reason },
    });
    return {
      interactionId: interaction.id,
      fromQuestionId: source.id,
      toQuestionId: target.id,
      sourceMerged: (left?.n ?? 0) === 0,
    };
  }
}
