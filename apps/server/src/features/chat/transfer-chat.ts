import { schema, type Tx } from "@omniloket/db";
import { and, eq, inArray } from "drizzle-orm";
import { notifyChat } from "./chat-notify";
import { recordChatMessage } from "./record-chat-message";

/** What the visitor reads when their chat goes to someone else. */
const TRANSFER_TEXT = {
  nl: "We verbinden u door met een collega. Die kan lezen wat u al hebt geschreven.",
  en: "We are putting you through to a colleague. They can read what you have written so far.",
};

type OpenChats = Array<typeof schema.chatSessions.$inferSelect>;

/**
 * The question's open chats, locked. Called first in a transfer, before the question's own row is
 * locked: sending a chat line locks the chat and then the question, and a transfer must take them in
 * that same order, or the two could wait on each other.
 */
export async function lockOpenChats(tx: Tx, questionId: string): Promise<OpenChats> {
  return tx
    .select()
    .from(schema.chatSessions)
    .where(
      and(
        eq(schema.chatSessions.questionId, questionId),
        inArray(schema.chatSessions.status, ["waiting", "active"]),
      ),
    )
    .for("update");
}

/**
 * A question was transferred (inside its transaction): its open chats (from lockOpenChats) follow. To a colleague, the chat
 * runs on with them; to a team, it waits again until routing or someone in that team takes it. The
 * history stays, because it is the same question and the same chat session. The visitor gets a line
 * from the system and a new status (the new employee's first name, or their place in the queue).
 */
export async function transferChat(
  tx: Tx,
  sessions: OpenChats,
  input: { employeeId: string | null },
  now: Date,
): Promise<void> {
  for (const session of sessions) {
    const change =
      input.employeeId === null
        ? { status: "waiting" as const, employeeId: null }
        : { status: "active" as const, employeeId: input.employeeId, acceptedAt: session.acceptedAt ?? now };
    await tx.update(schema.chatSessions).set(change).where(eq(schema.chatSessions.id, session.id));
    const text = session.language === "en" ? TRANSFER_TEXT.en : TRANSFER_TEXT.nl;
    await recordChatMessage(tx, { ...session, ...change }, { sender: "system", text }, now);
    await notifyChat(tx, { sessionId: session.id, kind: "status" });
  }
}
