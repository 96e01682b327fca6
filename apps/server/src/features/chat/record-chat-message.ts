import type { Tx } from "@omniloket/db";
import { sql } from "drizzle-orm";
import { publishEvent } from "../../platform/events";
import { selectRows } from "../../platform/sql";
import { CHAT_CHANNEL, type ChatSignal } from "./chat-notify";
import type { ChatSessionRow } from "./visitor-session";

/**
 * Stores one chat line and tells both sides: the visitor's stream (chat NOTIFY) and the employees'
 * live streams ("chat.message", ids only). The question's last activity moves with it. The line, the
 * question's update and the visitor's NOTIFY are one statement: a chat line is the hottest write there is.
 */
export async function recordChatMessage(
  tx: Tx,
  session: ChatSessionRow,
  message: { sender: "visitor" | "employee" | "system"; employeeId?: string | null; text: string },
  now: Date,
) {
  const signal: ChatSignal = { sessionId: session.id, kind: "message" };
  const [row] = await selectRows<{ id: string; team_id: string | null }>(
    tx,
    sql`
      WITH line AS (
        INSERT INTO chat_messages (tenant_id, session_id, sender, employee_id, text, created_at)
        VALUES (${session.tenantId}, ${session.id}, ${message.sender}, ${message.employeeId ?? null},
                ${message.text}, ${now})
        RETURNING id
      ), question AS (
        UPDATE questions SET last_activity_at = greatest(last_activity_at, ${now})
        WHERE id = ${session.questionId}
        RETURNING team_id
      )
      SELECT line.id::text AS id, (SELECT team_id::text FROM question) AS team_id,
             pg_notify(${CHAT_CHANNEL}, ${JSON.stringify(signal)})
      FROM line`,
  );
  if (!row) throw new Error("chat message insert returned nothing");
  await publishEvent(
    tx,
    {
      tenantId: session.tenantId,
      type: "chat.message",
      questionId: session.questionId,
      interactionId: session.interactionId,
      teamId: row.team_id,
    },
    now,
  );
  return { id: row.id, sender: message.sender, text: message.text, at: now.toISOString() };
}
