import { type Db, schema } from "@omniloket/db";
import type { QuestionStatus } from "@omniloket/db/schema";
import { and, asc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { type ContinueOptions, continueOptions } from "./continue-question";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";
import { representedParties } from "./represented-parties";

/**
 * One entry of the history as the resident may see it. `by`: the resident (or whom they represent) or
 * the municipality; employees are never named ("de gemeente"). `text` is null where the stored text is
 * an employee's own record of a conversation (a call's or a counter visit's notes), not what was said.
 */
export type HistoryEntry = {
  at: Date;
  by: "resident" | "municipality";
  channel: string;
  subject: string | null;
  text: string | null;
};

export type MadePromise = { kind: "callback" | "contact" | "answer"; by: Date };

export type MyQuestion = {
  id: string;
  reference: string;
  topicId: string | null;
  status: QuestionStatus;
  openedAt: Date;
  lastActivityAt: Date;
  /** Set when the question is of someone this resident represents. */
  representedName: string | null;
  history: HistoryEntry[];
  promises: MadePromise[];
  /** How the resident can continue it; only on their own questions (null for whom they represent). */
  continueWith: ContinueOptions | null;
};

/** Channels whose stored text is an employee's summary, not words the resident read or wrote. */
const summarisedChannels: ReadonlySet<string> = new Set(["phone", "counter"]);

/**
 * One question of the logged-in resident, or of someone they represent (not a confidential one):
 * its history in order and the promises made. Anything else is null (the page answers 404, never 403).
 * The read is audit-logged.
 */
export async function getMyQuestion(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  questionId: string,
): Promise<MyQuestion | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(questionId)) return null;
  const now = deps.clock();
  const { db } = deps;
  const q = schema.questions;
  const [question] = await db
    .select()
    .from(q)
    .where(and(eq(q.id, questionId), eq(q.tenantId, resident.tenantId), isNull(q.mergedIntoId)));
  if (!question?.residentPartyId) return null;
  let representedName: string | null = null;
  if (question.residentPartyId !== resident.partyId) {
    if (question.confidential) return null;
    const person = (await representedParties(db, { ...resident, now })).find(
      (r) => r.partyId === question.residentPartyId,
    );
    if (!person) return null;
    representedName = person.name ?? "";
  }

  const i = schema.interactions;
  const interactions = await db
    .select({
      id: i.id,
      channel: i.channel,
      direction: i.direction,
      occurredAt: i.occurredAt,
      subject: i.subject,
      text: i.text,
    })
    .from(i)
    .where(
      and(
        eq(i.questionId, question.id),
        // A message that never reached the resident is not part of what they were told.
        or(isNull(i.deliveryStatus), ne(i.deliveryStatus, "failed")),
      ),
    )
    .orderBy(asc(i.occurredAt), asc(i.createdAt));

  const chatIds = interactions.filter((x) => x.channel === "chat").map((x) => x.id);
  const chatLines =
    chatIds.length === 0
      ? []
      : await db
          .select({
            interactionId: schema.chatSessions.interactionId,
            sender: schema.chatMessages.sender,
            text: schema.chatMessages.text,
            at: schema.chatMessages.createdAt,
          })
          .from(schema.chatMessages)
          .innerJoin(schema.chatSessions, eq(schema.chatSessions.id, schema.chatMessages.sessionId))
          .where(
            and(
              inArray(schema.chatSessions.interactionId, chatIds),
              ne(schema.chatMessages.sender, "system"),
            ),
          )
          .orderBy(asc(schema.chatMessages.id));

  const history: HistoryEntry[] = [];
  for (const x of interactions) {
    const by = x.direction === "inbound" ? "resident" : "municipality";
    const lines = chatLines.filter((l) => l.interactionId === x.id);
    if (x.channel === "chat" && lines.length > 0) {
      for (const line of lines)
        history.push({
          at: line.at,
          by: line.sender === "visitor" ? "resident" : "municipality",
          channel: "chat",
          subject: null,
          text: line.text,
        });
      continue;
    }
    history.push({
      at: x.occurredAt,
      by,
      channel: x.channel,
      subject: summarisedChannels.has(x.channel) ? null : x.subject,
      text: summarisedChannels.has(x.channel) ? null : x.text,
    });
  }

  const t = schema.tasks;
  const openTasks = await db
    .select({ kind: t.kind, dueAt: t.dueAt, contactChannel: t.contactChannel })
    .from(t)
    .where(and(eq(t.questionId, question.id), eq(t.status, "open"), eq(t.kind, "callback")))
    .orderBy(asc(t.dueAt));
  const promises: MadePromise[] = [];
  for (const task of openTasks)
    if (task.dueAt)
      promises.push({
        kind: !task.contactChannel || task.contactChannel === "phone" ? "callback" : "contact",
        by: task.dueAt,
      });
  if (question.status !== "resolved" && question.dueAt) promises.push({ kind: "answer", by: question.dueAt });

  await recordPortalAudit(db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: now,
    action: "portal.question.read",
    partyIds: [question.residentPartyId, resident.partyId],
    objectType: "question",
    objectIds: [question.id],
  });
  return {
    id: question.id,
    reference: question.reference,
    topicId: question.topicId,
    status: question.status,
    openedAt: question.openedAt,
    lastActivityAt: question.lastActivityAt,
    representedName,
    history,
    promises,
    continueWith: representedName === null ? await continueOptions(db, question, now) : null,
  };
}
