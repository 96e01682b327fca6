import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { notFound } from "../../platform/errors";

export type KnowledgeAnswerInput = { title: string; body: string; topicId?: string | null | undefined };

const columns = {
  id: schema.knowledgeAnswers.id,
  topicId: schema.knowledgeAnswers.topicId,
  title: schema.knowledgeAnswers.title,
  body: schema.knowledgeAnswers.body,
  updatedAt: schema.knowledgeAnswers.updatedAt,
};

/** Adds an answer to the knowledge base (no personal data, so no audit). */
export async function createKnowledgeAnswer(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; answer: KnowledgeAnswerInput },
) {
  const now = deps.clock();
  const [row] = await deps.db
    .insert(schema.knowledgeAnswers)
    .values({
      tenantId: input.principal.tenantId,
      topicId: input.answer.topicId ?? null,
      title: input.answer.title,
      body: input.answer.body,
      createdAt: now,
      updatedAt: now,
    })
    .returning(columns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Replaces an answer's title, body and topic. */
export async function updateKnowledgeAnswer(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; id: string; answer: KnowledgeAnswerInput },
) {
  const [row] = await deps.db
    .update(schema.knowledgeAnswers)
    .set({
      topicId: input.answer.topicId ?? null,
      title: input.answer.title,
      body: input.answer.body,
      updatedAt: deps.clock(),
    })
    .where(
      and(
        eq(schema.knowledgeAnswers.id, input.id),
        eq(schema.knowledgeAnswers.tenantId, input.principal.tenantId),
      ),
    )
    .returning(columns);
  if (!row) throw notFound("Dit kennisbankantwoord");
  return row;
}
