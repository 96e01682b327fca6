import type { Db } from "@omniloket/db";
import type { QuestionStatus } from "@omniloket/db/schema";
import { type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { asDate, selectRows, utcMicros } from "../../platform/sql";
import { questionAccessFor, tenantTeams } from "../questions";
import { decodeKeyset, encodeKeyset } from "./inbox-cursor";
import { visibleQuestionsSql } from "./visible-questions";

export const INBOX_STATUSES = [
  "open",
  "waiting-on-resident",
  "waiting-on-municipality",
  "reopened",
  "resolved",
] as const satisfies readonly QuestionStatus[];
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export type InboxFilter = {
  teamId?: string;
  topicId?: string;
  channel?: string;
  /** Absent: every status except resolved. */
  status?: InboxStatus;
};

export type InboxItem = {
  id: string;
  reference: string;
  topicId: string | null;
  status: InboxStatus;
  confidential: boolean;
  teamId: string | null;
  employeeId: string | null;
  dueAt: string | null;
  openedAt: string;
  lastActivityAt: string;
  lastChannel: string | null;
  channels: string[];
  residentPartyId: string | null;
  residentName: string | null;
};

type Row = {
  id: string;
  reference: string;
  topic_id: string | null;
  status: InboxStatus;
  confidential: boolean;
  team_id: string | null;
  employee_id: string | null;
  due_key: string | null;
  activity_key: string;
  opened_at: Date | string;
  resident_party_id: string | null;
  resident_name: string | null;
};

/** The inbox order: due time first (overdue on top, none last), then longest without activity. */
const SORT_KEY = sql`(coalesce(q.due_at, 'infinity'::timestamptz), q.last_activity_at, q.id)`;

/**
 * The query behind one inbox page; exported so a test can check with EXPLAIN that it is an index range
 * scan (questions_inbox_queue_idx / questions_inbox_team_queue_idx) and not a sort of the whole table.
 */
export function inboxPageQuery(
  tenantId: string,
  visible: SQL,
  filter: InboxFilter,
  cursor: string | undefined,
  limit: number,
): SQL {
  const after = decodeKeyset(cursor);
  const conditions: SQL[] = [sql`q.tenant_id = ${tenantId}::uuid`, sql`q.merged_into_id IS NULL`, visible];
  // Spelled out so the planner can use the partial indexes (WHERE status <> 'resolved').
  conditions.push(filter.status ? sql`q.status = ${filter.status}` : sql`q.status <> 'resolved'`);
  if (filter.status && filter.status !== "resolved") conditions.push(sql`q.status <> 'resolved'`);
  if (filter.teamId) conditions.push(sql`q.team_id = ${filter.teamId}::uuid`);
  if (filter.topicId) conditions.push(sql`q.topic_id = ${filter.topicId}`);
  if (filter.channel)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM interactions i WHERE i.question_id = q.id AND i.channel = ${filter.channel})`,
    );
  if (after)
    conditions.push(
      sql`${SORT_KEY} > (${after.due ?? "infinity"}::timestamptz, ${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  return sql`SELECT q.id, q.reference, q.topic_id, q.status, q.confidential, q.team_id, q.employee_id,
                    ${sql.raw(utcMicros("q.due_at"))} AS due_key,
                    ${sql.raw(utcMicros("q.last_activity_at"))} AS activity_key,
                    q.opened_at, q.resident_party_id, p.display_name AS resident_name
               FROM questions q
               LEFT JOIN parties p ON p.id = q.resident_party_id
              WHERE ${sql.join(conditions, sql` AND `)}
              ORDER BY coalesce(q.due_at, 'infinity'::timestamptz), q.last_activity_at, q.id
              LIMIT ${limit + 1}`;
}

/**
 * One page of the inbox: the questions the caller may see (need-to-know in SQL), merged questions never,
 * with the channels each has been on. The resident's name is personal data, so the read is audit-logged
 * once with every resident on the page (not when the page names nobody).
 */
export async function listInbox(
  deps: { db: Db; clock: () => Date },
  input: {
    principal: Principal;
    purpose: Purpose;
    filter: InboxFilter;
    cursor?: string;
    limit: number;
  },
): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  const { db } = deps;
  const { principal } = input;
  const teams = await tenantTeams(db, principal.tenantId);
  const visible = await visibleQuestionsSql(db, principal, input.purpose, teams);
  const rows = await selectRows<Row>(
    db,
    inboxPageQuery(principal.tenantId, visible, input.filter, input.cursor, input.limit),
  );
  const hasMore = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const mayRead = await questionAccessFor(db, principal, input.purpose, teams);
  const shown = page.filter((r) =>
    mayRead({ topicId: r.topic_id, confidential: r.confidential, teamId: r.team_id }),
  );

  const channels = await channelsOf(
    db,
    shown.map((r) => r.id),
  );
  const items = shown.map(
    (r): InboxItem => ({
      id: r.id,
      reference: r.reference,
      topicId: r.topic_id,
      status: r.status,
      confidential: r.confidential,
      teamId: r.team_id,
      employeeId: r.employee_id,
      dueAt: r.due_key ? asDate(r.due_key).toISOString() : null,
      openedAt: asDate(r.opened_at).toISOString(),
      lastActivityAt: asDate(r.activity_key).toISOString(),
      lastChannel: channels.get(r.id)?.last ?? null,
      channels: channels.get(r.id)?.all ?? [],
      residentPartyId: r.resident_party_id,
      residentName: r.resident_name,
    }),
  );

  const partyIds = items.map((i) => i.residentPartyId).filter((id): id is string => id !== null);
  if (partyIds.length > 0) {
    await recordAudit(db, principal, deps.clock(), {
      action: "inbox.read",
      purpose: input.purpose,
      partyIds,
      objectType: "question",
      objectIds: items.map((i) => i.id),
      details: { filter: input.filter },
    });
  }
  return {
    items,
    nextCursor:
      hasMore && last ? encodeKeyset({ due: last.due_key, at: last.activity_key, id: last.id }) : null,
  };
}

/** Per question: every channel it has been on (first use first) and the resident's last one. */
async function channelsOf(db: Db, questionIds: string[]) {
  const result = new Map<string, { all: string[]; last: string | null; lastInbound: boolean }>();
  if (questionIds.length === 0) return result;
  const rows = await selectRows<{ question_id: string; channel: string; direction: string }>(
    db,
    sql`SELECT question_id, channel, direction FROM interactions
         WHERE question_id IN (${sql.join(
           questionIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         ORDER BY question_id, occurred_at, id`,
  );
  for (const row of rows) {
    const entry = result.get(row.question_id) ?? { all: [], last: null, lastInbound: false };
    if (!entry.all.includes(row.channel)) entry.all.push(row.channel);
    // The channel the resident used last; outbound contacts count only while there is no inbound one.
    if (row.direction === "inbound") {
      entry.last = row.channel;
      entry.lastInbound = true;
    } else if (!entry.lastInbound) entry.last = row.channel;
    result.set(row.question_id, entry);
  }
  return result;
}
