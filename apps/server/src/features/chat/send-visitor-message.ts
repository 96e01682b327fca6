import type { Db } from "@omniloket/db";
import { chatEnded } from "./chat.errors";
import { cleanChatText } from "./chat-text";
import { recordChatMessage } from "./record-chat-message";
import { loadVisitorSession } from "./visitor-session";

/** The visitor writes a line (plain text, at most 2,000 characters). */
export async function sendVisitorMessage(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null; text: string },
) {
  const text = cleanChatText(input.text);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const session = await loadVisitorSession(tx, { ...input, forUpdate: true });
    if (session.status === "ended") throw chatEnded();
    return recordChatMessage(tx, session, { sender: "visitor", text }, now);
  });
}
