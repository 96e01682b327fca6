import type { Tx } from "@omniloket/db";
import { sql } from "drizzle-orm";

/**
 * A web chat hangs on its contact (docs/decisions/0008-web-chat.md): when contacts move out of a
 * question (move, split, merge), their chat sessions go with them, so the chat panel, the visitor's
 * reference and the transcript follow the conversation to its new question.
 */
export async function chatsFollowContacts(tx: Tx, fromQuestionId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE chat_sessions s SET question_id = i.question_id
      FROM interactions i
     WHERE s.question_id = ${fromQuestionId} AND i.id = s.interaction_id AND i.question_id <> s.question_id`);
}
