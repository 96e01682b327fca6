import { schema, type Tx } from "@omniloket/db";
import { asc, eq } from "drizzle-orm";
import { publishEvent } from "../../platform/events";
import { notifyChat } from "./chat-notify";
import type { ChatSessionRow } from "./visitor-session";

/** The transcript as plain text, one line per message: "[hh:mm] Wie: tekst". */
export async function transcriptOf(
  tx: Tx,
  session: ChatSessionRow,
  names = { visitor: "U", employee: "Medewerker" },
) {
  const rows = await tx
    .select()
    .from(schema.chatMessages)
    .where(eq(schema.chatMessages.sessionId, session.id))
    .orderBy(asc(schema.chatMessages.id));
  const time = (d: Date) =>
    d.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });
  return rows
    .map((m) => {
      const who =
        m.sender === "visitor" ? names.visitor : m.sender === "employee" ? names.employee : "Gemeente";
      return `[${time(m.createdAt)}] ${who}: ${m.text}`;
    })
    .join("\n");
}

/**
 * Ends a chat (once): status, reason and wrap-up on the session; the transcript becomes the text of the
 * chat's contact, so the question's timeline shows what was said.
 */
export async function closeSession(
  tx: Tx,
  session: ChatSessionRow,
  input: { reason: string; wrapUp?: string | null },
  now: Date,
) {
  if (session.status === "ended") return false;
  await tx
    .update(schema.chatSessions)
    .set({ status: "ended", endedAt: now, endReason: input.reason, wrapUp: input.wrapUp ?? null })
    .where(eq(schema.chatSessions.id, session.id));
  const transcript = await transcriptOf(tx, session, { visitor: "Inwoner", employee: "Medewerker" });
  await tx
    .update(schema.interactions)
    .set({ text: transcript })
    .where(eq(schema.interactions.id, session.interactionId));
  await notifyChat(tx, { sessionId: session.id, kind: "status" });
  const [question] = await tx
    .select({ teamId: schema.questions.teamId })
    .from(schema.questions)
    .where(eq(schema.questions.id, session.questionId));
  await publishEvent(
    tx,
    {
      tenantId: session.tenantId,
      type: "question.changed",
      questionId: session.questionId,
      interactionId: session.interactionId,
      teamId: question?.teamId ?? null,
    },
    now,
  );
  return true;
}
