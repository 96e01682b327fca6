import { type Queryable, schema } from "@omniloket/db";
import { and, asc, count, eq, gt, lt } from "drizzle-orm";
import { someoneAvailableFor } from "./chat-availability";
import { chatSettingsFor } from "./chat-settings";
import type { ChatSessionRow } from "./visitor-session";

/** What the visitor's widget shows about the chat: no personal data beyond the employee's first name. */
export type VisitorChatState = {
  status: "waiting" | "active" | "ended";
  questionReference: string;
  /** While waiting: 1 is next. */
  position: number | null;
  /** While active: the employee's first name. */
  employeeName: string | null;
  /** While waiting: nobody free now, or waited longer than the municipality's limit. */
  alternatives: null | "no-one-available" | "waited-too-long";
  identified: boolean;
  endReason: string | null;
};

export type VisitorChatMessage = {
  id: string;
  sender: "visitor" | "employee" | "system";
  text: string;
  at: string;
};

export async function visitorChatState(
  q: Queryable,
  session: ChatSessionRow,
  now: Date,
): Promise<VisitorChatState> {
  const [question] = await q
    .select({
      id: schema.questions.id,
      reference: schema.questions.reference,
      topicId: schema.questions.topicId,
      teamId: schema.questions.teamId,
      confidential: schema.questions.confidential,
    })
    .from(schema.questions)
    .where(eq(schema.questions.id, session.questionId));
  const state: VisitorChatState = {
    status: session.status,
    questionReference: question?.reference ?? "",
    position: null,
    employeeName: null,
    alternatives: null,
    identified: session.identifiedEmail !== null,
    endReason: session.endReason,
  };
  if (session.status === "active" && session.employeeId) {
    const [employee] = await q
      .select({ name: schema.employees.name })
      .from(schema.employees)
      .where(eq(schema.employees.id, session.employeeId));
    state.employeeName = employee?.name.trim().split(/\s+/)[0] ?? null;
  }
  if (session.status === "waiting" && question) {
    const [ahead] = await q
      .select({ n: count() })
      .from(schema.chatSessions)
      .where(
        and(
          eq(schema.chatSessions.tenantId, session.tenantId),
          eq(schema.chatSessions.status, "waiting"),
          lt(schema.chatSessions.startedAt, session.startedAt),
        ),
      );
    state.position = Number(ahead?.n ?? 0) + 1;
    const settings = await chatSettingsFor(q, session.tenantId);
    const waitedSeconds = (now.getTime() - session.startedAt.getTime()) / 1000;
    const language = session.language === "en" ? "eng" : "nld";
    if (!(await someoneAvailableFor(q, session.tenantId, question, language, now)))
      state.alternatives = "no-one-available";
    else if (waitedSeconds > settings.maxWaitSeconds) state.alternatives = "waited-too-long";
  }
  return state;
}

export async function chatMessagesAfter(
  q: Queryable,
  sessionId: string,
  afterId: bigint,
  limit = 500,
): Promise<VisitorChatMessage[]> {
  const rows = await q
    .select()
    .from(schema.chatMessages)
    .where(and(eq(schema.chatMessages.sessionId, sessionId), gt(schema.chatMessages.id, afterId)))
    .orderBy(asc(schema.chatMessages.id))
    .limit(limit);
  return rows.map((m) => ({
    id: m.id.toString(),
    sender: m.sender,
    text: m.text,
    at: m.createdAt.toISOString(),
  }));
}
