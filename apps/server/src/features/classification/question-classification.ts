import { type Queryable, schema } from "@omniloket/db";
import { and, desc, eq } from "drizzle-orm";

/** The classifier's decisions on one question, newest first: topic, confidence, words, language. */
export async function questionClassification(q: Queryable, tenantId: string, questionId: string) {
  return q
    .select({
      topicId: schema.classificationDecisions.topicId,
      bestTopicId: schema.classificationDecisions.bestTopicId,
      confidence: schema.classificationDecisions.confidence,
      language: schema.classificationDecisions.language,
      reason: schema.classificationDecisions.reason,
      explanation: schema.classificationDecisions.explanation,
      alternatives: schema.classificationDecisions.alternatives,
      fromTeamId: schema.classificationDecisions.fromTeamId,
      toTeamId: schema.classificationDecisions.toTeamId,
      modelExamples: schema.classificationDecisions.modelExamples,
      at: schema.classificationDecisions.createdAt,
    })
    .from(schema.classificationDecisions)
    .where(
      and(
        eq(schema.classificationDecisions.tenantId, tenantId),
        eq(schema.classificationDecisions.questionId, questionId),
      ),
    )
    .orderBy(desc(schema.classificationDecisions.createdAt));
}
