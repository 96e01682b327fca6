import { schema, type Tx } from "@omniloket/db";
import { eq, sql } from "drizzle-orm";

/** After contacts move, a question's last activity is that of its newest remaining contact. */
export async function refreshQuestionActivity(tx: Tx, questionId: string): Promise<void> {
  const q = schema.questions;
  await tx
    .update(q)
    .set({
      lastActivityAt: sql`COALESCE((SELECT max(occurred_at) FROM interactions WHERE question_id = ${questionId}), ${q.openedAt})`,
    })
    .where(eq(q.id, questionId));
}
