import type { Db } from "@omniloket/db";
import type { Principal } from "../../platform/auth/principal";
import { notifyChat } from "./chat-notify";
import { loadEmployeeSession } from "./employee-session";

/** The employee is typing: the visitor's widget shows it for a moment. Nothing is stored. */
export async function sendTyping(deps: { db: Db }, input: { principal: Principal; sessionId: string }) {
  await deps.db.transaction(async (tx) => {
    const { session } = await loadEmployeeSession(tx, input.principal, input.sessionId);
    if (session.status !== "ended") await notifyChat(tx, { sessionId: session.id, kind: "typing" });
  });
}
