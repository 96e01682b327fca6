import { type Db, schema } from "@omniloket/db";
import { asc, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";

/** Every answer in this municipality's knowledge base, by title (for editors). */
export async function listKnowledgeAnswers(deps: { db: Db }, input: { principal: Principal }) {
  const k = schema.knowledgeAnswers;
  const rows = await deps.db
    .select({ id: k.id, topicId: k.topicId, title: k.title, body: k.body, updatedAt: k.updatedAt })
    .from(k)
    .where(eq(k.tenantId, input.principal.tenantId))
    .orderBy(asc(k.title), asc(k.id));
  return { items: rows };
}
