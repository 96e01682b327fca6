import type { Db } from "@omniloket/db";
import { sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { selectRows } from "../../platform/sql";
import type { InboxStatus } from "./list-inbox";
import { visibleQuestionsSql } from "./visible-questions";

export type InboxCount = {
  teamId: string | null;
  teamName: string | null;
  status: InboxStatus;
  count: number;
  overdue: number;
};

/**
 * How many unresolved questions wait in each queue (team and status) the caller may see, and how many of
 * them are overdue. Numbers only, no personal data, so no audit row.
 */
export async function countInbox(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose },
): Promise<{ items: InboxCount[] }> {
  const visible = await visibleQuestionsSql(deps.db, input.principal, input.purpose);
  const now = deps.clock().toISOString();
  const rows = await selectRows<{
    team_id: string | null;
    team_name: string | null;
    status: InboxStatus;
    count: string;
    overdue: string;
  }>(
    deps.db,
    sql`SELECT c.team_id, t.name AS team_name, c.status, c.count, c.overdue
          FROM (SELECT q.team_id, q.status, count(*) AS count,
                       count(*) FILTER (WHERE q.due_at < ${now}::timestamptz) AS overdue
                  FROM questions q
                 WHERE q.tenant_id = ${input.principal.tenantId}::uuid AND q.merged_into_id IS NULL
                   AND q.status <> 'resolved' AND ${visible}
                 GROUP BY q.team_id, q.status) c
          LEFT JOIN teams t ON t.id = c.team_id
         ORDER BY t.name NULLS LAST, c.status`,
  );
  return {
    items: rows.map((r) => ({
      teamId: r.team_id,
      teamName: r.team_name,
      status: r.status,
      count: Number(r.count),
      overdue: Number(r.overdue),
    })),
  };
}
