import { type Db, schema } from "@omniloket/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { notFound } from "../../platform/errors";
import { questionClassification } from "../classification";
import { questionAccessFor } from "./question-access";
import { attachmentsByInteraction, openThreadingSuggestions, questionNotes } from "./question-details";

/**
 * One question with its whole cross-channel thread. A question the caller may not see is reported as
 * not found, so its existence is not revealed. The read is audit-logged with every party involved.
 */
export async function getQuestion(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; questionId: string },
) {
  const { db } = deps;
  const { principal } = input;
  const [[question], mayRead] = await Promise.all([
    db
      .select()
      .from(schema.questions)
      .where(
        and(eq(schema.questions.id, input.questionId), eq(schema.questions.tenantId, principal.tenantId)),
      ),
    questionAccessFor(db, principal, input.purpose),
  ]);
  if (!question || !mayRead(question)) throw notFound("Deze vraag");

  // Independent reads go out together: on PostgreSQL each takes its own pooled connection, so the
  // view costs two round trips of waiting here instead of seven.
  const [interactions, tasks, notes, classifications] = await Promise.all([
    db
      .select()
      .from(schema.interactions)
      .where(eq(schema.interactions.questionId, question.id))
      .orderBy(asc(schema.interactions.occurredAt), asc(schema.interactions.id)),
    db
      .select()
      .from(schema.tasks)
      .where(eq(schema.tasks.questionId, question.id))
      .orderBy(asc(schema.tasks.createdAt)),
    questionNotes(db, question.id),
    questionClassification(db, principal.tenantId, question.id),
  ]);
  const interactionIds = interactions.map((i) => i.id);
  const [involvements, attachments, threadingSuggestions] = await Promise.all([
    interactionIds.length === 0
      ? []
      : db
          .select()
          .from(schema.interactionParties)
          .where(inArray(schema.interactionParties.interactionId, interactionIds)),
    attachmentsByInteraction(db, interactionIds),
    openThreadingSuggestions(db, {
      tenantId: principal.tenantId,
      questionId: question.id,
      interactionIds,
      mayRead,
    }),
  ]);

  const partyIds = [question.residentPartyId, ...involvements.map((i) => i.partyId)].filter(
    (id): id is string => id !== null,
  );
  await recordAudit(db, principal, deps.clock(), {
    action: "question.read",
    purpose: input.purpose,
    partyIds,
    objectType: "question",
    objectIds: [question.id],
  });

  return {
    id: question.id,
    reference: question.reference,
    residentPartyId: question.residentPartyId,
    topicId: question.topicId,
    status: question.status,
    confidential: question.confidential,
    teamId: question.teamId,
    employeeId: question.employeeId,
    dueAt: question.dueAt?.toISOString() ?? null,
    openedAt: question.openedAt.toISOString(),
    mergedIntoId: question.mergedIntoId,
    interactions: interactions.map((i) => ({
      id: i.id,
      channel: i.channel,
      direction: i.direction,
      occurredAt: i.occurredAt.toISOString(),
      subject: i.subject,
      text: i.text,
      language: i.language,
      employeeId: i.employeeId,
      parties: involvements
        .filter((p) => p.interactionId === i.id)
        .map((p) => ({ partyId: p.partyId, role: p.role, initiator: p.initiator })),
      attachments: attachments.get(i.id) ?? [],
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      status: t.status,
      teamId: t.teamId,
      dueAt: t.dueAt?.toISOString() ?? null,
      description: t.description,
      outcome: t.outcome,
      completedAt: t.completedAt?.toISOString() ?? null,
    })),
    notes,
    threadingSuggestions,
    // How the classifier decided the topic, when it did: shown to the employee, who may change it.
    classification: latestClassification(classifications),
  };
}

function latestClassification(decisions: Awaited<ReturnType<typeof questionClassification>>) {
  const [latest] = decisions;
  if (!latest) return null;
  return {
    topicId: latest.topicId,
    bestTopicId: latest.bestTopicId,
    confidence: latest.confidence,
    language: latest.language,
    reason: latest.reason,
    words: (latest.explanation as Array<{ word: string; weight: number }>).slice(0, 8),
    at: latest.at.toISOString(),
  };
}
