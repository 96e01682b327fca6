import { type Queryable, schema } from "@omniloket/db";
import {
  classifyText,
  type ResidentFacts,
  type SignalQuestion,
  type SignalStatusChange,
  type SignalTransfer,
  type TopicModel,
} from "@omniloket/domain";
import { and, arrayOverlaps, desc, eq, gte, inArray, isNull, or } from "drizzle-orm";

/**
 * The facts the signal rules look at, for several residents at once (a rescan batch or one resident):
 * the contacts on their timelines since `since`, the questions those contacts are in and the questions
 * they are the resident of, the tasks on those questions, and from the audit log the status changes
 * and team moves of those questions. A question without a topic gets the topic its latest
 * classification decision set, else the one the municipality's model predicts from its text (marked
 * "predicted"), so a repeat by email is not missed because email carries no topic.
 */
export async function loadResidentFacts(
  q: Queryable,
  input: { tenantId: string; partyIds: readonly string[]; since: Date; model: TopicModel | null },
): Promise<Map<string, ResidentFacts>> {
  const { tenantId, partyIds, since } = input;
  const result = new Map<string, ResidentFacts>();
  if (partyIds.length === 0) return result;
  const contactRows = await q
    .select({
      partyId: schema.interactionParties.timelinePartyId,
      id: schema.interactions.id,
      questionId: schema.interactions.questionId,
      channel: schema.interactions.channel,
      direction: schema.interactions.direction,
      occurredAt: schema.interactions.occurredAt,
      subject: schema.interactions.subject,
      text: schema.interactions.text,
    })
    .from(schema.interactionParties)
    .innerJoin(schema.interactions, eq(schema.interactions.id, schema.interactionParties.interactionId))
    .where(
      and(
        eq(schema.interactionParties.tenantId, tenantId),
        inArray(schema.interactionParties.timelinePartyId, [...partyIds]),
        gte(schema.interactionParties.occurredAt, since),
      ),
    );
  const questionRows = await q
    .select({
      id: schema.questions.id,
      reference: schema.questions.reference,
      residentPartyId: schema.questions.residentPartyId,
      topicId: schema.questions.topicId,
      status: schema.questions.status,
      openedAt: schema.questions.openedAt,
      resolvedAt: schema.questions.resolvedAt,
      dueAt: schema.questions.dueAt,
      teamId: schema.questions.teamId,
    })
    .from(schema.questions)
    .where(
      and(
        eq(schema.questions.tenantId, tenantId),
        isNull(schema.questions.mergedIntoId),
        or(
          inArray(schema.questions.residentPartyId, [...partyIds]),
          contactRows.length > 0
            ? inArray(schema.questions.id, [...new Set(contactRows.map((c) => c.questionId))])
            : undefined,
        ),
      ),
    );
  const questionIds = questionRows.map((row) => row.id);
  const taskRows =
    questionIds.length === 0
      ? []
      : await q
          .select({
            id: schema.tasks.id,
            questionId: schema.tasks.questionId,
            kind: schema.tasks.kind,
            status: schema.tasks.status,
            dueAt: schema.tasks.dueAt,
            createdAt: schema.tasks.createdAt,
            completedAt: schema.tasks.completedAt,
          })
          .from(schema.tasks)
          .where(and(eq(schema.tasks.tenantId, tenantId), inArray(schema.tasks.questionId, questionIds)));
  const auditRows =
    questionIds.length === 0
      ? []
      : await q
          .select({
            id: schema.auditEvents.id,
            at: schema.auditEvents.at,
            action: schema.auditEvents.action,
            objectIds: schema.auditEvents.objectIds,
            details: schema.auditEvents.details,
          })
          .from(schema.auditEvents)
          .where(
            and(
              eq(schema.auditEvents.tenantId, tenantId),
              inArray(schema.auditEvents.action, [
                "question.change",
                "question.transfer",
                "question.classify",
              ]),
              arrayOverlaps(schema.auditEvents.objectIds, questionIds),
            ),
          );
  const unknown = questionRows.filter((row) => row.topicId === null).map((row) => row.id);
  const decided =
    unknown.length === 0
      ? []
      : await q
          .select({
            questionId: schema.classificationDecisions.questionId,
            topicId: schema.classificationDecisions.topicId,
          })
          .from(schema.classificationDecisions)
          .where(
            and(
              eq(schema.classificationDecisions.tenantId, tenantId),
              inArray(schema.classificationDecisions.questionId, unknown),
            ),
          )
          .orderBy(desc(schema.classificationDecisions.createdAt));
  // The newest decision per question (a topic, or none when the classifier was not sure enough): a
  // question the classifier already looked at is not predicted again (that was most of a rescan's time).
  const decidedTopic = new Map<string, string | null>();
  for (const d of decided) if (!decidedTopic.has(d.questionId)) decidedTopic.set(d.questionId, d.topicId);

  const inboundText = new Map<string, string[]>();
  for (const c of [...contactRows].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    if (c.direction !== "inbound") continue;
    const list = inboundText.get(c.questionId) ?? [];
    if (list.length < 3) list.push([c.subject, c.text].filter(Boolean).join("\n"));
    inboundText.set(c.questionId, list);
  }
  const questions = new Map<string, SignalQuestion & { residentPartyId: string | null }>();
  for (const row of questionRows) {
    let topicId = row.topicId;
    let topicSource: SignalQuestion["topicSource"] = topicId ? "recorded" : null;
    if (!topicId) {
      const text = (inboundText.get(row.id) ?? []).join("\n").slice(0, 4000);
      topicId = decidedTopic.has(row.id)
        ? (decidedTopic.get(row.id) ?? null)
        : input.model && text
          ? classifyText(input.model, text).topicId
          : null;
      topicSource = topicId ? "predicted" : null;
    }
    questions.set(row.id, { ...row, topicId, topicSource });
  }
  const statusChanges = new Map<string, SignalStatusChange[]>();
  const transfers = new Map<string, SignalTransfer[]>();
  for (const row of auditRows) {
    const details = row.details as Record<string, unknown>;
    for (const questionId of row.objectIds) {
      if (!questions.has(questionId)) continue;
      const sourceId = row.id.toString();
      if (
        typeof details.fromStatus === "string" &&
        typeof details.toStatus === "string" &&
        details.fromStatus !== details.toStatus
      )
        push(statusChanges, questionId, {
          questionId,
          from: details.fromStatus,
          to: details.toStatus,
          at: row.at,
          sourceId,
        });
      const fromTeam = (details.fromTeamId as string | null | undefined) ?? null;
      const toTeam = (details.toTeamId as string | null | undefined) ?? null;
      const fromEmployee = (details.fromEmployeeId as string | null | undefined) ?? null;
      const toEmployee = (details.toEmployeeId as string | null | undefined) ?? null;
      if (fromTeam !== toTeam)
        push(transfers, questionId, { questionId, from: fromTeam, to: toTeam, at: row.at, sourceId });
      else if (row.action === "question.transfer" && fromEmployee !== toEmployee)
        push(transfers, questionId, { questionId, from: fromEmployee, to: toEmployee, at: row.at, sourceId });
    }
  }

  for (const partyId of partyIds) {
    const seen = new Set<string>();
    const contacts = contactRows
      .filter((c) => c.partyId === partyId && !seen.has(c.id) && seen.add(c.id))
      .filter((c) => questions.has(c.questionId))
      .map(({ partyId: _, ...c }) => ({ ...c, direction: c.direction as "inbound" | "outbound" }));
    const mine = new Set(contacts.map((c) => c.questionId));
    for (const question of questions.values())
      if (question.residentPartyId === partyId) mine.add(question.id);
    const ids = [...mine];
    result.set(partyId, {
      partyId,
      questions: ids.map((id) => questions.get(id) as SignalQuestion),
      contacts,
      tasks: taskRows.filter((t) => mine.has(t.questionId)),
      statusChanges: ids.flatMap((id) => statusChanges.get(id) ?? []),
      transfers: ids.flatMap((id) => transfers.get(id) ?? []),
    });
  }
  return result;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
