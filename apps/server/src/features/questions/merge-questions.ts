import { type Db, schema, type Tx } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { invalidInput } from "../../platform/errors";
import { announceQuestionChanges } from "./announce-question-changes";
import { chatsFollowContacts } from "./chats-follow-contacts";
import { loadQuestionForChange } from "./load-question-for-change";
import { recordStatusChange } from "./record-status-change";
import { refreshQuestionActivity } from "./refresh-question-activity";

export type MergeQuestionsInput = {
  principal: Principal;
  survivingQuestionId: string;
  mergedQuestionId: string;
  reason: string;
};

/** Two questions turn out to be one: contacts, tasks and notes move to the surviving question. */
export async function mergeQuestions(deps: { db: Db; clock: () => Date }, input: MergeQuestionsInput) {
  return deps.db.transaction((tx) => mergeQuestionsInTransaction(tx, deps.clock, input));
}

/** The same inside the caller's transaction (the web chat continuing an earlier question). */
export async function mergeQuestionsInTransaction(tx: Tx, clock: () => Date, input: MergeQuestionsInput) {
  const { principal } = input;
  if (input.survivingQuestionId === input.mergedQuestionId) {
    throw invalidInput([
      { name: "mergedQuestionId", code: "same-question", reason: "Kies twee verschillende vragen." },
    ]);
  }
  {
    const surviving = await loadQuestionForChange(tx, principal, input.survivingQuestionId);
    const merged = await loadQuestionForChange(tx, principal, input.mergedQuestionId);
    const moved = await tx
      .update(schema.interactions)
      .set({ questionId: surviving.id })
      .where(eq(schema.interactions.questionId, merged.id))
      .returning({ id: schema.interactions.id });
    await chatsFollowContacts(tx, merged.id);
    const movedTasks = await tx
      .update(schema.tasks)
      .set({ questionId: surviving.id })
      .where(eq(schema.tasks.questionId, merged.id))
      .returning({ id: schema.tasks.id });
    // Internal notes follow the contacts, so colleagues keep the whole story in one place.
    await tx
      .update(schema.questionNotes)
      .set({ questionId: surviving.id })
      .where(eq(schema.questionNotes.questionId, merged.id));
    const now = clock();
    await tx
      .update(schema.questions)
      .set({ mergedIntoId: surviving.id, status: "resolved", resolvedAt: now })
      .where(eq(schema.questions.id, merged.id));
    await recordStatusChange(tx, principal, {
      questionId: merged.id,
      from: merged.status,
      to: "resolved",
      at: now,
    });
    await refreshQuestionActivity(tx, surviving.id);
    await announceQuestionChanges(tx, principal.tenantId, [surviving, merged], now);
    await recordAudit(tx, principal, now, {
      action: "question.merge",
      purpose: "contact-handling",
      partyIds: [surviving.residentPartyId, merged.residentPartyId].filter((id): id is string => id !== null),
      objectType: "question",
      objectIds: [surviving.id, merged.id],
      details: {
        interactionIds: moved.map((m) => m.id),
        taskIds: movedTasks.map((t) => t.id),
        reason: input.reason,
      },
    });
    return { questionId: surviving.id, movedInteractions: moved.length, movedTasks: movedTasks.length };
  }
}
