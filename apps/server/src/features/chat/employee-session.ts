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
    .select()
    .from(schema.chatSessions)
    .where(and(eq(schema.chatSessions.id, sessionId), eq(schema.chatSessions.tenantId, principal.tenantId)));
  const [session] = forUpdate ? await query.for("update") : await query;
  if (!session) throw notFound("Dit chatgesprek");
  const [question] = await q
    .select()
    .from(schema.questions)
    .where(eq(schema.questions.id, session.questionId));
  const mayRead = await questionAccessFor(q, principal, "contact-handling");
  if (!question || !mayRead(question)) throw notFound("Dit chatgesprek");
  return { session, question };
}
