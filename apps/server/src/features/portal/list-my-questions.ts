import { type Db, schema } from "@omniloket/db";
import type { QuestionStatus } from "@omniloket/db/schema";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";
import { type RepresentedParty, representedParties } from "./represented-parties";

export type MyQuestionSummary = {
  id: string;
  reference: string;
  topicId: string | null;
  subject: string | null;
  status: QuestionStatus;
  lastActivityAt: Date;
  /** Channels the question's contacts used, in order of first use. */
  channels: string[];
};

export type MyQuestions = {
  own: MyQuestionSummary[];
  /** Questions of the people this resident represents, per person. */
  represented: Array<RepresentedParty & { questions: MyQuestionSummary[] }>;
};

const LIMIT = 200;

/**
 * All questions of the logged-in resident from every channel, newest activity first, and those of the
 * people they represent (not their confidential ones). The read is audit-logged.
 */
export async function listMyQuestions(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
): Promise<MyQuestions> {
  const now = deps.clock();
  const { db } = deps;
  const represented = await representedParties(db, { ...resident, now });
  const q = schema.questions;
  const rows = await db
    .select({
      id: q.id,
      reference: q.reference,
      topicId: q.topicId,
      status: q.status,
      lastActivityAt: q.lastActivityAt,
      residentPartyId: q.residentPartyId,
      confidential: q.confidential,
      subject: sql<
        string | null
      >`(SELECT i.subject FROM interactions i WHERE i.question_id = questions.id AND i.direction = 'inbound' AND i.subject IS NOT NULL ORDER BY i.occurred_at LIMIT 1)`,
      channels: sql<
        string[]
      >`array(SELECT i.channel FROM interactions i WHERE i.question_id = questions.id GROUP BY i.channel ORDER BY min(i.occurred_at))`,
    })
    .from(q)
    .where(
      and(
        eq(q.tenantId, resident.tenantId),
        inArray(q.residentPartyId, [resident.partyId, ...represented.map((r) => r.partyId)]),
        isNull(q.mergedIntoId),
      ),
    )
    .orderBy(desc(q.lastActivityAt))
    .limit(LIMIT);
  const summary = (row: (typeof rows)[number]): MyQuestionSummary => ({
    id: row.id,
    reference: row.reference,
    topicId: row.topicId,
    subject: row.subject,
    status: row.status,
    lastActivityAt: row.lastActivityAt,
    channels: row.channels,
  });
  const result: MyQuestions = {
    own: rows.filter((r) => r.residentPartyId === resident.partyId).map(summary),
    represented: represented.map((person) => ({
      ...person,
      // A representative does not see the represented resident's confidential questions.
      questions: rows.filter((r) => r.residentPartyId === person.partyId && !r.confidential).map(summary),
    })),
  };
  await recordPortalAudit(db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: now,
    action: "portal.questions.list",
    partyIds: [resident.partyId, ...represented.map((r) => r.partyId)],
    objectType: "question",
    objectIds: [...result.own, ...result.represented.flatMap((r) => r.questions)].map((x) => x.id),
  });
  return result;
}
