import { type Db, schema } from "@omniloket/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { notFound } from "../../platform/errors";
import { asDate, selectRows, utcMicros } from "../../platform/sql";
import { questionAccessFor } from "../questions/question-access";

type InteractionRow = {
  interaction_id: string;
  occurred_at: string;
  role: "resident" | "representative";
  channel: string;
  direction: string;
  subject: string | null;
  text: string;
  question_id: string;
  reference: string;
  topic_id: string | null;
  status: string;
  confidential: boolean;
  team_id: string | null;
};

export type TimelineItem =
  | {
      kind: "interaction";
      at: string;
      interactionId: string;
      channel: string;
      direction: string;
      role: string;
      subject: string | null;
      text: string;
      question: { id: string; reference: string; topicId: string | null; status: string };
    }
  | {
      kind: "question-opened";
      at: string;
      questionId: string;
      reference: string;
      topicId: string | null;
      status: string;
    }
  | {
      kind: "task";
      at: string;
      taskId: string;
      questionId: string;
      taskKind: string;
      status: string;
      dueAt: string | null;
    };

/**
 * A resident's whole story across channels, newest first. Interactions page by a keyset cursor over
 * (occurred_at, id) on one index; questions opened and tasks created in the same time span are woven in.
 * Contacts on questions the caller may not see are left out and counted.
 */
export async function getResidentTimeline(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; partyId: string; cursor?: string; limit: number },
) {
  const { db } = deps;
  const { principal } = input;
  const [party] = await db
    .select({ id: schema.parties.id })
    .from(schema.parties)
    .where(and(eq(schema.parties.id, input.partyId), eq(schema.parties.tenantId, principal.tenantId)));
  if (!party) throw notFound("Deze inwoner");
  const after = decodeCursor(input.cursor);

  const rows = await selectRows<InteractionRow>(
    db,
    sql`SELECT ip.interaction_id, ${sql.raw(utcMicros("ip.occurred_at"))} AS occurred_at, ip.role, i.channel, i.direction, i.subject, i.text, i.question_id,
               q.reference, q.topic_id, q.status, q.confidential, q.team_id
          FROM interaction_parties ip
          JOIN interactions i ON i.id = ip.interaction_id
          JOIN questions q ON q.id = i.question_id
         WHERE ip.tenant_id = ${principal.tenantId} AND ip.timeline_party_id = ${input.partyId}
           ${after ? sql`AND (ip.occurred_at, ip.interaction_id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
         ORDER BY ip.occurred_at DESC, ip.interaction_id DESC
         LIMIT ${input.limit + 1}`,
  );
  const hasMore = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const upper = after?.at ?? null;
  const lower = hasMore ? (page.at(-1)?.occurred_at ?? null) : null;

  const questionsOpened = await selectRows<{
    id: string;
    reference: string;
    topic_id: string | null;
    status: string;
    opened_at: Date | string;
    confidential: boolean;
    team_id: string | null;
  }>(
    db,
    sql`SELECT id, reference, topic_id, status, opened_at, confidential, team_id FROM questions
         WHERE tenant_id = ${principal.tenantId} AND resident_party_id = ${input.partyId}
           ${upper ? sql`AND opened_at < ${upper}::timestamptz` : sql``}
           ${lower ? sql`AND opened_at >= ${lower}::timestamptz` : sql``}`,
  );
  const tasks = await selectRows<{
    id: string;
    question_id: string;
    kind: string;
    status: string;
    due_at: Date | string | null;
    created_at: Date | string;
    topic_id: string | null;
    confidential: boolean;
    team_id: string | null;
  }>(
    db,
    sql`SELECT t.id, t.question_id, t.kind, t.status, t.due_at, t.created_at, q.topic_id, q.confidential, q.team_id
          FROM tasks t JOIN questions q ON q.id = t.question_id
         WHERE q.tenant_id = ${principal.tenantId} AND q.resident_party_id = ${input.partyId}
           ${upper ? sql`AND t.created_at < ${upper}::timestamptz` : sql``}
           ${lower ? sql`AND t.created_at >= ${lower}::timestamptz` : sql``}`,
  );

  const mayRead = await questionAccessFor(db, principal, input.purpose);
  const visible = (r: { topic_id: string | null; confidential: boolean; team_id: string | null }) =>
    mayRead({ topicId: r.topic_id, confidential: r.confidential, teamId: r.team_id });

  const items: TimelineItem[] = [
    ...page.filter(visible).map(
      (r): TimelineItem => ({
        kind: "interaction",
        at: asDate(r.occurred_at).toISOString(),
        interactionId: r.interaction_id,
        channel: r.channel,
        direction: r.direction,
        role: r.role,
        subject: r.subject,
        text: r.text,
        question: { id: r.question_id, reference: r.reference, topicId: r.topic_id, status: r.status },
      }),
    ),
    ...questionsOpened.filter(visible).map(
      (q): TimelineItem => ({
        kind: "question-opened",
        at: asDate(q.opened_at).toISOString(),
        questionId: q.id,
        reference: q.reference,
        topicId: q.topic_id,
        status: q.status,
      }),
    ),
    ...tasks.filter(visible).map(
      (t): TimelineItem => ({
        kind: "task",
        at: asDate(t.created_at).toISOString(),
        taskId: t.id,
        questionId: t.question_id,
        taskKind: t.kind,
        status: t.status,
        dueAt: t.due_at ? asDate(t.due_at).toISOString() : null,
      }),
    ),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  await recordAudit(db, principal, deps.clock(), {
    action: "timeline.read",
    purpose: input.purpose,
    partyIds: [input.partyId],
    objectType: "party",
    objectIds: [input.partyId],
  });
  const last = page.at(-1);
  return {
    items,
    hiddenCount: page.length - page.filter(visible).length,
    nextCursor: hasMore && last ? encodeCursor(last.occurred_at, last.interaction_id) : null,
  };
}
