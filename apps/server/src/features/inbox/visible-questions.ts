import { type Queryable, schema } from "@omniloket/db";
import { defaultSensitiveTopicIds } from "@omniloket/domain";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";

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
): Promise<SQL> {
  if (principal.kind === "token" && principal.roles.includes("system")) return sql`TRUE`;
  if (principal.roles.includes("case-guide") && purpose === "case-guidance") return sql`TRUE`;
  const teamIds = principal.teamIds;
  const teams =
    teamIds.length === 0
      ? []
      : await q
          .select({ topicIds: schema.teams.topicIds })
          .from(schema.teams)
          .where(and(eq(schema.teams.tenantId, principal.tenantId), inArray(schema.teams.id, teamIds)));
  const ownTopics = [...new Set(teams.flatMap((t) => t.topicIds))];
  const conditions: SQL[] = [
    sql`(NOT q.confidential AND (q.topic_id IS NULL OR q.topic_id NOT IN (${list(defaultSensitiveTopicIds, "text")})))`,
  ];
  if (teamIds.length > 0) conditions.push(sql`q.team_id IN (${list(teamIds, "uuid")})`);
  if (ownTopics.length > 0)
    conditions.push(sql`(NOT q.confidential AND q.topic_id IN (${list(ownTopics, "text")}))`);
  return sql`(${sql.join(conditions, sql` OR `)})`;
}
