import { schema, type Tx } from "@omniloket/db";
import { eq, sql } from "drizzle-orm";
import { publishEvent } from "../../platform/events";
import { notifyChat } from "./chat-notify";
import type { ChatSessionRow } from "./visitor-session";

/**
 * Stores one chat line and tells both sides: the visitor's stream (chat NOTIFY) and the employees'
 * live streams ("chat.message", ids only). The question's last activity moves with it.
 */
export async function recordChatMessage(
  tx: Tx,
  session: ChatSessionRow,
  message: { sender: "visitor" | "employee" | "system"; employeeId?: string | null; text: string },
  now: Date,
) {
  const [row] = await tx
    .insert(schema.chatMessages)
    .values({
      tenantId: session.tenantId,
      sessionId: session.id,
      sender: message.sender,
      employeeId: message.employeeId ?? null,
      text: message.text,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("chat message insert returned nothing");
  const [question] = await tx
    .update(schema.questions)
    .set({ lastActivityAt: sql`greatest(${schema.questions.lastActivityAt}, ${now})` })
    .where(eq(schema.questions.id, session.questionId))
    .returning({ teamId: schema.questions.teamId });
  await notifyChat(tx, { sessionId: session.id, kind: "message" });
  await publishEvent(
    tx,
    {
      tenantId: session.tenantId,
      type: "chat.message",
      questionId: session.questionId,
      interactionId: session.interactionId,
      teamId: question?.teamId ?? null,
    },
    now,
  );
  return { id: row.id.toString(), sender: row.sender, text: row.text, at: row.createdAt.toISOString() };
}
