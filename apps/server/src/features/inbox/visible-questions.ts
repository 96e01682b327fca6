import type { Queryable } from "@omniloket/db";
import { defaultSensitiveTopicIds } from "@omniloket/domain";
import { type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { type TenantTeams, tenantTeams } from "../questions";

const list = (values: readonly string[], cast: "text" | "uuid") =>
  sql.join(
    values.map((v) => sql`${v}::${sql.raw(cast)}`),
    sql`, `,
  );

/**
 * Need-to-know (platform/auth/need-to-know.ts `mayReadQuestion`) as a SQL condition over a `questions`
 * row aliased `q`, so lists filter in the database and pages stay full. Sensitive topics and
 * confidential questions only for the teams that handle them; case guides with the case-guidance
 * purpose and system tokens see all. Callers still check rows with `questionAccessFor` as a guard.
 */
export async function visibleQuestionsSql(
  q: Queryable,
  principal: Principal,
  purpose: Purpose,
  loaded?: TenantTeams,
): Promise<SQL> {
  if (principal.kind === "token" && principal.roles.includes("system")) return sql`TRUE`;
  if (principal.roles.includes("case-guide") && purpose === "case-guidance") return sql`TRUE`;
  const teamIds = principal.teamIds;
  const all = teamIds.length === 0 ? [] : (loaded ?? (await tenantTeams(q, principal.tenantId)));
  const teams = all.filter((t) => teamIds.includes(t.id));
  const ownTopics = [...new Set(teams.flatMap((t) => t.topicIds))];
  const conditions: SQL[] = [
    sql`(NOT q.confidential AND (q.topic_id IS NULL OR q.topic_id NOT IN (${list(defaultSensitiveTopicIds, "text")})))`,
  ];
  if (teamIds.length > 0) conditions.push(sql`q.team_id IN (${list(teamIds, "uuid")})`);
  if (ownTopics.length > 0)
    conditions.push(sql`(NOT q.confidential AND q.topic_id IN (${list(ownTopics, "text")}))`);
  return sql`(${sql.join(conditions, sql` OR `)})`;
}
