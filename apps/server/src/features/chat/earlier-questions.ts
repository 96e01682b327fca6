import { type Db, type Queryable, schema } from "@omniloket/db";
import { defaultSensitiveTopicIds, defaultTopics } from "@omniloket/domain";
import { and, desc, eq, isNull, ne, notInArray, or } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import { processPrincipal } from "../../platform/auth/principal";
import { chatNotIdentified } from "./chat.errors";
import { loadVisitorSession } from "./visitor-session";

/** What the widget shows of one earlier question: the reference, the topic's name, when it was last touched. */
export type EarlierQuestion = {
  id: string;
  reference: string;
  topic: { nl: string; en: string } | null;
  lastActivityAt: string;
};

const LIMIT = 10;
const topicNames = new Map(defaultTopics.topics.map((t) => [t.id, { nl: t.nl, en: t.en }]));

/**
 * A visitor identified by an emailed code sees their open questions, to continue one in this chat.
 * Only what they could safely be shown on a shared screen: no confidential questions and none on a
 * sensitive topic (those stay with the portal and the employee), no contents, just reference and topic.
 */
export async function earlierQuestionsOf(
  q: Queryable,
  session: { tenantId: string; questionId: string; partyId: string },
): Promise<EarlierQuestion[]> {
  const questions = schema.questions;
  const rows = await q
    .select({
      id: questions.id,
      reference: questions.reference,
      topicId: questions.topicId,
      lastActivityAt: questions.lastActivityAt,
    })
    .from(questions)
    .where(
      and(
        eq(questions.tenantId, session.tenantId),
        eq(questions.residentPartyId, session.partyId),
        ne(questions.id, session.questionId),
        ne(questions.status, "resolved"),
        isNull(questions.mergedIntoId),
        eq(questions.confidential, false),
        or(isNull(questions.topicId), notInArray(questions.topicId, [...defaultSensitiveTopicIds])),
      ),
    )
    .orderBy(desc(questions.lastActivityAt))
    .limit(LIMIT);
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    topic: row.topicId ? (topicNames.get(row.topicId) ?? null) : null,
    lastActivityAt: row.lastActivityAt.toISOString(),
  }));
}

/** The identified visitor's chat session, or a 409 telling them to identify first. */
export async function identifiedSession(
  q: Queryable,
  input: { tenantId: string; sessionId: string; token: string | null; forUpdate?: boolean },
) {
  const session = await loadVisitorSession(q, input);
  if (!session.identifiedEmail || !session.partyId) throw chatNotIdentified();
  return { ...session, partyId: session.partyId };
}

/** `GET …/questions`: the list, audited as a read of the resident's data by the web chat. */
export async function listEarlierQuestions(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null },
): Promise<{ items: EarlierQuestion[] }> {
  return deps.db.transaction(async (tx) => {
    const session = await identifiedSession(tx, input);
    const items = await earlierQuestionsOf(tx, session);
    await recordAudit(tx, processPrincipal(input.tenantId, "web-chat"), deps.clock(), {
      action: "chat.earlier-questions",
      purpose: "contact-handling",
      partyIds: [session.partyId],
      objectType: "question",
      objectIds: items.map((i) => i.id),
      details: {
        chatSessionId: session.id,
        reason: "shown to the resident after identification by email code",
      },
    });
    return { items };
  });
}
