import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { chatEnded } from "./chat.errors";
import { visitorEmail } from "./chat-email";
import { cleanChatText } from "./chat-text";
import { closeSession } from "./close-session";
import { joinChatToResident } from "./join-resident";
import { recordChatMessage } from "./record-chat-message";
import { loadVisitorSession } from "./visitor-session";

export const MAX_LEFT_MESSAGE_CHARS = 5000;

/**
 * Nobody could chat now and the visitor leaves a message instead: it becomes the question's text (the
 * chat's contact), the email address they gave joins them as resident (as given, not verified), and the
 * question is to be answered by email. The chat ends.
 */
export async function leaveMessage(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null; text: string; email: string },
) {
  const text = cleanChatText(input.text, "text", MAX_LEFT_MESSAGE_CHARS);
  const email = visitorEmail(input.email);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const session = await loadVisitorSession(tx, { ...input, forUpdate: true });
    if (session.status === "ended") throw chatEnded();
    await recordChatMessage(tx, session, { sender: "visitor", text }, now);
    await joinChatToResident(tx, session, email, "asserted-by-channel", now);
    await tx
      .update(schema.questions)
      .set({ replyChannel: "email" })
      .where(eq(schema.questions.id, session.questionId));
    await closeSession(tx, session, { reason: "left-message" }, now);
    return { answeredBy: "email" as const };
  });
}
