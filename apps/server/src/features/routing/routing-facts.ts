import { type Queryable, schema } from "@omniloket/db";
import {
  type Agent,
  defaultSensitiveTopicIds,
  type LoadChannel,
  loadChannelOf,
  type Presence,
  type Weights,
  type WorkItem,
  weightsFrom,
} from "@omniloket/domain";
import { eq, sql } from "drizzle-orm";
import { asDate, selectRows } from "../../platform/sql";

/** Statuses in which a question is work in hand: it counts as load, and routing hands it out. */
export const ACTIVE_STATUSES = ["open", "reopened", "waiting-on-municipality"] as const;
const activeList = sql.join(
  ACTIVE_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** The channel a question counts against: that of the resident's latest contact on it. */
const latestChannel = sql`(SELECT i.channel FROM interactions i WHERE i.question_id = q.id
  ORDER BY (i.direction = 'inbound') DESC, i.occurred_at DESC LIMIT 1)`;

export const emptyLoad = (): Record<LoadChannel, number> => ({ phone: 0, chat: 0, email: 0, other: 0 });

/** The tenant's routing weights (`settings.routing.weights`), defaults for what it leaves out. */
export async function routingWeights(q: Queryable, tenantId: string): Promise<Weights> {
  const [row] = await q
    .select({ settings: schema.tenants.settings })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  const settings = row?.settings as { routing?: { weights?: unknown } } | null | undefined;
  return weightsFrom(settings?.routing?.weights);
}

/** Whether any active employee of the tenant is available for work now. */
export async function anyoneAvailable(q: Queryable, tenantId: string): Promise<boolean> {
  const rows = await selectRows<{ one: number }>(
    q,
    sql`SELECT 1 AS one FROM employee_presence p JOIN employees e ON e.id = p.employee_id AND e.active
        WHERE p.tenant_id = ${tenantId}::uuid AND p.presence = 'available' LIMIT 1`,
  );
  return rows.length > 0;
}

/** Open questions assigned to each employee of the tenant, per capacity channel. */
export async function loadsOf(
  q: Queryable,
  tenantId: string,
): Promise<Map<string, Record<LoadChannel, number>>> {
  const rows = await selectRows<{ employee_id: string; channel: string | null; n: number | string }>(
    q,
    sql`SELECT q.employee_id, ${latestChannel} AS channel, count(*) AS n
        FROM questions q
        WHERE q.tenant_id = ${tenantId}::uuid AND q.employee_id IS NOT NULL
          AND q.merged_into_id IS NULL AND q.status IN (${activeList})
        GROUP BY 1, 2`,
  );
  const loads = new Map<string, Record<LoadChannel, number>>();
  for (const row of rows) {
    const load = loads.get(row.employee_id) ?? emptyLoad();
    load[loadChannelOf(row.channel ?? "other")] += Number(row.n);
    loads.set(row.employee_id, load);
  }
  return loads;
}

export type EmployeeFacts = Agent & { name: string; presenceUpdatedAt: Date | null };

/** Every active employee of the tenant as routing sees them: teams, skills, presence, load. */
export async function employeeFacts(q: Queryable, tenantId: string): Promise<EmployeeFacts[]> {
  const rows = await selectRows<{
    id: string;
    name: string;
    team_ids: string[] | null;
    skill_topic_ids: string[];
    languages: string[];
    presence: Presence | null;
    updated_at: Date | string | null;
    last_assigned_at: Date | string | null;
  }>(
    q,
    sql`SELECT e.id, e.name, e.skill_topic_ids, e.languages, p.presence, p.updated_at, p.last_assigned_at,
          (SELECT array_agg(m.team_id::text ORDER BY m.team_id) FROM team_members m
            WHERE m.employee_id = e.id AND m.tenant_id = e.tenant_id) AS team_ids
        FROM employees e
        LEFT JOIN employee_presence p ON p.employee_id = e.id AND p.tenant_id = e.tenant_id
        WHERE e.tenant_id = ${tenantId}::uuid AND e.active
        ORDER BY e.name, e.id`,
  );
  const loads = await loadsOf(q, tenantId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    teamIds: row.team_ids ?? [],
    skills: { topicIds: row.skill_topic_ids, languages: row.languages },
    presence: row.presence ?? "offline",
    presenceUpdatedAt: row.updated_at === null ? null : asDate(row.updated_at),
    load: loads.get(row.id) ?? emptyLoad(),
    lastAssignedAt: row.last_assigned_at === null ? null : asDate(row.last_assigned_at),
  }));
}

/** Unassigned questions waiting for an employee, most urgent first (at most `limit`). */
export async function waitingWork(q: Queryable, tenantId: string, limit: number): Promise<WorkItem[]> {
  const sensitive = sql.join(
    defaultSensitiveTopicIds.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = await selectRows<{
    id: string;
    channel: string | null;
    language: string | null;
    topic_id: string | null;
    team_id: string | null;
    due_at: Date | string | null;
    last_activity_at: Date | string;
    sensitive: boolean;
  }>(
    q,
    sql`SELECT q.id, q.topic_id, q.team_id, q.due_at, q.last_activity_at,
          (q.confidential OR coalesce(q.topic_id IN (${sensitive}), false)) AS sensitive,
          li.channel, li.language
        FROM questions q
        LEFT JOIN LATERAL (SELECT i.channel, i.language FROM interactions i WHERE i.question_id = q.id
          ORDER BY (i.direction = 'inbound') DESC, i.occurred_at DESC LIMIT 1) li ON TRUE
        WHERE q.tenant_id = ${tenantId}::uuid AND q.employee_id IS NULL
          AND q.merged_into_id IS NULL AND q.status IN (${activeList})
        ORDER BY coalesce(q.due_at, 'infinity'::timestamptz), q.last_activity_at, q.id
        LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    questionId: row.id,
    channel: row.channel ?? "other",
    topicId: row.topic_id,
    language: row.language ?? "nld",
    teamId: row.team_id,
    dueAt: row.due_at === null ? null : asDate(row.due_at),
    waitingSince: asDate(row.last_activity_at),
    sensitive: row.sensitive,
  }));
}
