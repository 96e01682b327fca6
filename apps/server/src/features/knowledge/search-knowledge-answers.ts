import { type Db, schema } from "@omniloket/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";

export type KnowledgeSearchInput = { principal: Principal; query: string; topicId?: string | undefined };

/** Dutch full-text search over the knowledge base: answers for the question's topic first, then by rank; at most 10. */
export async function searchKnowledgeAnswers(deps: { db: Db }, input: KnowledgeSearchInput) {
  const k = schema.knowledgeAnswers;
  const document = sql`to_tsvector('dutch', ${k.title} || ' ' || ${k.body})`;
  const query = sql`websearch_to_tsquery('dutch', ${input.query})`;
  const rank = sql<number>`ts_rank(${document}, ${query})`;
  // A constant in ORDER BY would be read as a column position, so the topic term is there only with a topic.
  const topicFirst = input.topicId ? [desc(sql`(${k.topicId} = ${input.topicId}) is true`)] : [];
  const rows = await deps.db
    .select({ id: k.id, topicId: k.topicId, title: k.title, body: k.body, rank })
    .from(k)
    .where(and(eq(k.tenantId, input.principal.tenantId), sql`${document} @@ ${query}`))
    .orderBy(...topicFirst, desc(rank), k.title)
    .limit(10);
  return { items: rows.map(({ rank: score, ...row }) => ({ ...row, rank: Number(score) })) };
}
