import { schema, type Tx } from "@omniloket/db";
import { questionText } from "./question-text";

/**
 * An employee changed a question's topic: keep the resident's text with the chosen topic as a
 * training example for this municipality's model. Called inside the change's transaction, so the
 * example exists exactly when the change does. Only an employee's change is a correction (a system
 * setting a topic is not); nothing is kept when the topic did not change or the question has no text
 * of the resident.
 */
export async function recordTopicCorrection(
  tx: Tx,
  input: {
    tenantId: string;
    questionId: string;
    fromTopicId: string | null;
    toTopicId: string | null;
    employeeId: string | null;
  },
): Promise<boolean> {
  if (!input.employeeId || !input.toTopicId || input.toTopicId === input.fromTopicId) return false;
  const text = await questionText(tx, input.tenantId, input.questionId);
  if (text.length === 0) return false;
  await tx.insert(schema.classifierExamples).values({
    tenantId: input.tenantId,
    questionId: input.questionId,
    text,
    topicId: input.toTopicId,
    previousTopicId: input.fromTopicId,
    employeeId: input.employeeId,
  });
  return true;
}
