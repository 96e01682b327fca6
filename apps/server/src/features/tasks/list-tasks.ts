import type { Db } from "@omniloket/db";
import type { TaskKind, TaskStatus } from "@omniloket/db/schema";
import { type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { selectRows, utcMicros } from "../../platform/sql";
import { decodeKeyset, encodeKeyset, visibleQuestionsSql } from "../inbox";
import { questionAccessFor } from "../questions";
import { type TaskView, toTaskView } from "./task-view";

type Row = {
  id: string;
  question_id: string;
  reference: string;
  kind: TaskKind;
  status: TaskStatus;
  team_id: string | null;
  assignee_employee_id: string | null;
  due_key: string | null;
  created_key: string;
  contact_channel: string | null;
  contact_address: string | null;
  description: string;
  outcome: string | null;
  completed_at: Date | string | null;
  resident_party_id: string | null;
  topic_id: string | null;
  confidential: boolean;
  question_team_id: string | null;
};

/**
 * The back office's task list: due time first (overdue callbacks on top, none last), then oldest first;
 * keyset pages over tasks_list_idx. Need-to-know goes through each task's question. Contact addresses
 * are personal data, so the read is audit-logged once with every resident on the page.
 */
export async function listTasks(
  deps: { db: Db; clock: () => Date },
  input: {
    principal: Principal;
    purpose: Purpose;
    teamId?: string;
    status: "open" | "done";
    cursor?: string;
    limit: number;
  },
): Promise<{ items: TaskView[]; nextCursor: string | null }> {
  const { db } = deps;
  const { principal } = input;
  const now = deps.clock();
  const after = decodeKeyset(input.cursor);
  const conditions: SQL[] = [
    sql`t.tenant_id = ${principal.tenantId}::uuid`,
    sql`t.status = ${input.status}`,
    await visibleQuestionsSql(db, principal, input.purpose),
  ];
  if (input.teamId) conditions.push(sql`t.team_id = ${input.teamId}::uuid`);
  if (after)
    conditions.push(
      sql`(coalesce(t.due_at, 'infinity'::timestamptz), t.created_at, t.id) > (${after.due ?? "infinity"}::timestamptz, ${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  const rows = await selectRows<Row>(
    db,
    sql`SELECT t.id, t.question_id, q.reference, t.kind, t.status, t.team_id, t.assignee_employee_id,
               ${sql.raw(utcMicros("t.due_at"))} AS due_key, ${sql.raw(utcMicros("t.created_at"))} AS created_key,
               t.contact_channel, t.contact_address, t.description, t.outcome, t.completed_at,
               q.resident_party_id, q.topic_id, q.confidential, q.team_id AS question_team_id
          FROM tasks t
          JOIN questions q ON q.id = t.question_id
         WHERE ${sql.join(conditions, sql` AND `)}
         ORDER BY coalesce(t.due_at, 'infinity'::timestamptz), t.created_at, t.id
         LIMIT ${input.limit + 1}`,
  );
  const hasMore = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const mayRead = await questionAccessFor(db, principal, input.purpose);
  const shown = page.filter((r) =>
    mayRead({ topicId: r.topic_id, confidential: r.confidential, teamId: r.question_team_id }),
  );
  const items = shown.map((r) =>
    toTaskView(
      {
        id: r.id,
        questionId: r.question_id,
        kind: r.kind,
        status: r.status,
        teamId: r.team_id,
        assigneeEmployeeId: r.assignee_employee_id,
        dueAt: r.due_key,
        contactChannel: r.contact_channel,
        contactAddress: r.contact_address,
        description: r.description,
        outcome: r.outcome,
        createdAt: r.created_key,
        completedAt: r.completed_at,
      },
      r.reference,
      now,
    ),
  );
  const partyIds = shown.map((r) => r.resident_party_id).filter((id): id is string => id !== null);
  if (partyIds.length > 0) {
    await recordAudit(db, principal, now, {
      action: "tasks.read",
      purpose: input.purpose,
      partyIds,
      objectType: "task",
      objectIds: items.map((i) => i.id),
      details: { teamId: input.teamId ?? null, status: input.status },
    });
  }
  return {
    items,
    nextCursor:
      hasMore && last ? encodeKeyset({ due: last.due_key, at: last.created_key, id: last.id }) : null,
  };
}
