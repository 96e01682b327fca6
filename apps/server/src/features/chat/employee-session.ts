import { type Queryable, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { notFound } from "../../platform/errors";
import { questionAccessFor } from "../questions";
import type { ChatSessionRow } from "./visitor-session";

/** A chat session an employee may work on: need-to-know on its question decides; otherwise "not found". */
export async function loadEmployeeSession(
  q: Queryable,
  principal: Principal,
  sessionId: string,
  forUpdate = false,
): Promise<{ session: ChatSessionRow; question: typeof schema.questions.$inferSelect }> {
  const query = q
    .select({ session: schema.chatSessions, question: schema.questions })
    .from(schema.chatSessions)
    .innerJoin(schema.questions, eq(schema.questions.id, schema.chatSessions.questionId))
    .where(and(eq(schema.chatSessions.id, sessionId), eq(schema.chatSessions.tenantId, principal.tenantId)));
  // Locks the chat session only: the question's row stays free for other work on it.
  const [row] = forUpdate ? await query.for("update", { of: schema.chatSessions }) : await query;
  if (!row) throw notFound("Dit chatgesprek");
  const mayRead = await questionAccessFor(q, principal, "contact-handling");
  if (!mayRead(row.question)) throw notFound("Dit chatgesprek");
  return row;
}
