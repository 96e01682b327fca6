import { type Db, schema } from "@omniloket/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { forbidden } from "../../platform/errors";
import { publishEvent } from "../../platform/events";
import { chatEnded } from "./chat.errors";
import { notifyChat } from "./chat-notify";
import { cleanChatText } from "./chat-text";
import { loadEmployeeSession } from "./employee-session";
import { recordChatMessage } from "./record-chat-message";

/**
 * An employee writes in a chat. The first employee line accepts the chat: the session becomes active
 * with this employee, and the question is assigned to them if nobody has it yet.
 */
export async function sendEmployeeMessage(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; sessionId: string; text: string },
) {
  const { principal } = input;
  if (principal.kind !== "employee") throw forbidden("Alleen een medewerker kan in een chat schrijven.");
  const text = cleanChatText(input.text);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const { session, question } = await loadEmployeeSession(tx, principal, input.sessionId, true);
    if (session.status === "ended") throw chatEnded();
    if (session.status === "waiting") {
      await tx
        .update(schema.chatSessions)
        .set({ status: "active", employeeId: principal.employeeId, acceptedAt: now })
        .where(eq(schema.chatSessions.id, session.id));
      const assigned = await tx
        .update(schema.questions)
        .set({ employeeId: principal.employeeId })
        .where(and(eq(schema.questions.id, question.id), isNull(schema.questions.employeeId)))
        .returning({ id: schema.questions.id });
      if (assigned.length > 0)
        await publishEvent(
          tx,
          {
            tenantId: principal.tenantId,
            type: "question.changed",
            questionId: question.id,
            teamId: question.teamId,
          },
          now,
        );
      await notifyChat(tx, { sessionId: session.id, kind: "status" });
    }
    const message = await recordChatMessage(
      tx,
      session,
      { sender: "employee", employeeId: principal.employeeId, text },
      now,
    );
    await recordAudit(tx, principal, now, {
      action: "chat.message",
      purpose: "contact-handling",
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "chat-session",
      objectIds: [session.id],
    });
    return message;
  });
}
