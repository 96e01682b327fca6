import { type Queryable, schema } from "@omniloket/db";
import type { QuestionStatus } from "@omniloket/db/schema";
import type { Principal } from "../../platform/auth/principal";

/**
 * One row in a question's status history (question_status_changes), in the caller's transaction, when
 * the status really changed; the employee is the principal if an employee made the change. Ingest
 * writes its own rows in its one statement (features/ingest/ingest-sql.ts).
 */
export async function recordStatusChange(
  q: Queryable,
  principal: Principal,
  change: { questionId: string; from: QuestionStatus; to: QuestionStatus; at: Date },
): Promise<void> {
  if (change.from === change.to) return;
  await q.insert(schema.questionStatusChanges).values({
    tenantId: principal.tenantId,
    questionId: change.questionId,
    fromStatus: change.from,
    toStatus: change.to,
    at: change.at,
    employeeId: principal.kind === "employee" ? principal.employeeId : null,
  });
}
