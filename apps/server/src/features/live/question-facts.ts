import { type Queryable, schema } from "@omniloket/db";
import { and, eq, inArray } from "drizzle-orm";
import type { QuestionAccessFacts } from "../../platform/auth/need-to-know";

/** The current topic, confidentiality and team of questions: what need-to-know decides on. */
export async function loadQuestionFacts(
  q: Queryable,
  tenantId: string,
  questionIds: readonly string[],
): Promise<Map<string, QuestionAccessFacts>> {
  const unique = [...new Set(questionIds)];
  if (unique.length === 0) return new Map();
  const questions = schema.questions;
  const rows = await q
    .select({
      id: questions.id,
      topicId: questions.topicId,
      confidential: questions.confidential,
      teamId: questions.teamId,
    })
    .from(questions)
    .where(and(eq(questions.tenantId, tenantId), inArray(questions.id, unique)));
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}
