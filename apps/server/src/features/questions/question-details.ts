import { type Queryable, schema } from "@omniloket/db";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { QuestionAccessFacts } from "../../platform/auth/need-to-know";

/** Internal notes on a question, oldest first, with the author's name. Never shown to a resident. */
export async function questionNotes(q: Queryable, questionId: string) {
  const rows = await q
    .select({
      id: schema.questionNotes.id,
      text: schema.questionNotes.text,
      createdAt: schema.questionNotes.createdAt,
      employeeId: schema.questionNotes.employeeId,
      authorName: schema.employees.name,
    })
    .from(schema.questionNotes)
    .leftJoin(schema.employees, eq(schema.employees.id, schema.questionNotes.employeeId))
    .where(eq(schema.questionNotes.questionId, questionId))
    .orderBy(asc(schema.questionNotes.createdAt), asc(schema.questionNotes.id));
  return rows.map((n) => ({
    id: n.id,
    text: n.text,
    createdAt: n.createdAt.toISOString(),
    employeeId: n.employeeId,
    authorName: n.authorName ?? null,
  }));
}

export type AttachmentSummary = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  quarantined: boolean;
};

/** The attachments of these contacts (metadata only; the bytes are served one at a time, audited). */
export async function attachmentsByInteraction(q: Queryable, interactionIds: string[]) {
  const byInteraction = new Map<string, AttachmentSummary[]>();
  if (interactionIds.length === 0) return byInteraction;
  const rows = await q
    .select()
    .from(schema.attachments)
    .where(inArray(schema.attachments.interactionId, interactionIds))
    .orderBy(asc(schema.attachments.createdAt), asc(schema.attachments.fileName), asc(schema.attachments.id));
  for (const a of rows) {
    const list = byInteraction.get(a.interactionId) ?? [];
    list.push({
      id: a.id,
      filename: a.fileName,
      contentType: a.contentType,
      size: a.sizeBytes,
      quarantined: a.quarantined,
    });
    byInteraction.set(a.interactionId, list);
  }
  return byInteraction;
}

/**
 * Open threading suggestions that touch this question: a contact elsewhere that may belong here, or a
 * contact here that may belong to another question. The other question must be one the caller may see;
 * a contact's text is shown only when its own question is visible too.
 */
export async function openThreadingSuggestions(
  q: Queryable,
  input: {
    tenantId: string;
    questionId: string;
    interactionIds: string[];
    mayRead: (question: QuestionAccessFacts) => boolean;
  },
) {
  const touches =
    input.interactionIds.length === 0
      ? eq(schema.threadingSuggestions.questionId, input.questionId)
      : or(
          eq(schema.threadingSuggestions.questionId, input.questionId),
          inArray(schema.threadingSuggestions.interactionId, input.interactionIds),
        );
  const suggestions = await q
    .select()
    .from(schema.threadingSuggestions)
    .where(
      and(
        eq(schema.threadingSuggestions.tenantId, input.tenantId),
        eq(schema.threadingSuggestions.status, "open"),
        touches,
      ),
    )
    .orderBy(asc(schema.threadingSuggestions.createdAt));
  if (suggestions.length === 0) return [];
  const contacts = await q
    .select({
      id: schema.interactions.id,
      channel: schema.interactions.channel,
      direction: schema.interactions.direction,
      occurredAt: schema.interactions.occurredAt,
      subject: schema.interactions.subject,
      text: schema.interactions.text,
      questionId: schema.interactions.questionId,
    })
    .from(schema.interactions)
    .where(
      inArray(
        schema.interactions.id,
        suggestions.map((s) => s.interactionId),
      ),
    );
  const questionIds = [
    ...new Set([...suggestions.map((s) => s.questionId), ...contacts.map((c) => c.questionId)]),
  ];
  const questions = await q
    .select({
      id: schema.questions.id,
      reference: schema.questions.reference,
      topicId: schema.questions.topicId,
      confidential: schema.questions.confidential,
      teamId: schema.questions.teamId,
    })
    .from(schema.questions)
    .where(inArray(schema.questions.id, questionIds));
  const questionById = new Map(questions.map((x) => [x.id, x]));
  const contactById = new Map(contacts.map((c) => [c.id, c]));

  return suggestions.flatMap((s) => {
    const target = questionById.get(s.questionId);
    const contact = contactById.get(s.interactionId);
    if (!target || !contact || contact.questionId === target.id || !input.mayRead(target)) return [];
    const source = questionById.get(contact.questionId);
    const visible = source !== undefined && input.mayRead(source);
    return [
      {
        id: s.id,
        reason: s.reason,
        kind:
          s.questionId === input.questionId
            ? ("into-this-question" as const)
            : ("to-other-question" as const),
        interactionId: s.interactionId,
        questionId: target.id,
        questionReference: target.reference,
        contact: {
          channel: contact.channel,
          direction: contact.direction,
          occurredAt: contact.occurredAt.toISOString(),
          questionReference: visible ? source.reference : null,
          subject: visible ? contact.subject : null,
          text: visible ? contact.text : null,
        },
      },
    ];
  });
}
