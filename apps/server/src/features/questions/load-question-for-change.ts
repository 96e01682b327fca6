import { schema, type Tx } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { AppError, notFound } from "../../platform/errors";
import { questionAccessFor } from "./question-access";

/** Locks a question for a threading correction; one the caller may not see is "not found". */
export async function loadQuestionForChange(tx: Tx, principal: Principal, questionId: string) {
  const [question] = await tx
    .select()
    .from(schema.questions)
    .where(and(eq(schema.questions.id, questionId), eq(schema.questions.tenantId, principal.tenantId)))
    .for("update");
  if (!question) throw notFound("Deze vraag");
  const mayRead = await questionAccessFor(tx, principal, "contact-handling");
  if (!mayRead(question)) throw notFound("Deze vraag");
  if (question.mergedIntoId) {
    throw new AppError(
      "question-merged",
      "conflict",
      `Deze vraag is samengevoegd met een andere vraag; werk die vraag bij.`,
    );
  }
  return question;
}
