import { type Db, schema } from "@omniloket/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";
import { notFound } from "../../platform/errors";
import { questionAccessFor } from "../questions";

/**
 * The chat sessions of one question with their messages, for the employee's chat panel (need-to-know).
 * Employee lines carry the writer's name, so a colleague who takes over sees who said what.
 */
export async function getQuestionChat(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose; questionId: string },
) {
  const { db } = deps;
  const { principal } = input;
  const [question] = await db
    .select()
    .from(schema.questions)
    .where(and(eq(schema.questions.id, input.questionId), eq(schema.questions.tenantId, principal.tenantId)));
  const mayRead = await questionAccessFor(db, principal, input.purpose);
  if (!question || !mayRead(question)) throw notFound("Deze vraag");
  const sessions = await db
    .select()
    .from(schema.chatSessions)
    .where(eq(schema.chatSessions.questionId, question.id))
    .orderBy(asc(schema.chatSessions.startedAt));
  const messages =
    sessions.length === 0
      ? []
      : await db
          .select({ message: schema.chatMessages, employeeName: schema.employees.name })
          .from(schema.chatMessages)
          .leftJoin(schema.employees, eq(schema.employees.id, schema.chatMessages.employeeId))
          .where(
            inArray(
              schema.chatMessages.sessionId,
              sessions.map((s) => s.id),
            ),
          )
          .orderBy(asc(schema.chatMessages.id));
  await recordAudit(db, principal, deps.clock(), {
    action: "chat.read",
    purpose: input.purpose,
    partyIds: question.residentPartyId ? [question.residentPartyId] : [],
    objectType: "question",
    objectIds: [question.id],
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    questionId: question.id,
    questionReference: question.reference,
    sessions: sessions.map((s) => ({
      id: s.id,
      interactionId: s.interactionId,
      status: s.status,
      topicId: s.topicId,
      employeeId: s.employeeId,
      partyId: s.partyId,
      language: s.language,
      identifiedEmail: s.identifiedEmail,
      startedAt: s.startedAt.toISOString(),
      acceptedAt: iso(s.acceptedAt),
      endedAt: iso(s.endedAt),
      endReason: s.endReason,
      wrapUp: s.wrapUp,
      messages: messages
        .filter(({ message }) => message.sessionId === s.id)
        .map(({ message: m, employeeName }) => ({
          id: m.id.toString(),
          sender: m.sender,
          employeeId: m.employeeId,
          // For colleagues only: the visitor's side never gets employees' names from here.
          employeeName: m.sender === "employee" ? employeeName : null,
          text: m.text,
          createdAt: m.createdAt.toISOString(),
        })),
    })),
  };
}
