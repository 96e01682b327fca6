import { schema } from "@omniloket/db";
import { and, eq, ne } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps";
import { chatSettingsFor, newVisitorToken, startChat } from "../chat";
import { residentAddress } from "./continue-question";
import { loadOwnQuestion } from "./own-question";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";

/** Whether the municipality's web chat is on, so the question page offers "Chat over deze vraag". */
export async function chatOffered(deps: Pick<AppDeps, "database">, tenantId: string): Promise<boolean> {
  return (await chatSettingsFor(deps.database.db, tenantId)).enabled;
}

export type ChatAboutQuestion = { sessionId: string; token: string; reference: string };

/**
 * The logged-in resident opens the web chat about one of their own questions: a chat whose contact
 * threads explicitly into that question (through the ordinary ingest, identified by the address they
 * logged in with), so the employee who answers sees the whole story. The visitor token is returned once
 * for the widget on the portal's chat page. A chat of theirs about this question that has not ended is
 * handed over again with a fresh token (a reload or a second tab), so one question has one chat going.
 * null: not their question, or the chat is off.
 */
export async function startChatAboutQuestion(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  resident: PortalResident,
  input: { questionId: string; language: "nl" | "en" },
): Promise<ChatAboutQuestion | null> {
  const db = deps.database.db;
  const question = await loadOwnQuestion(db, resident, input.questionId);
  if (!question || !(await chatOffered(deps, resident.tenantId))) return null;
  const identifier = await residentAddress(db, resident);
  if (!identifier) return null;
  const chat =
    (await reopenChat(deps, resident, question.id, question.reference)) ??
    (await startChat(deps, {
      tenantId: resident.tenantId,
      language: input.language,
      onQuestion: { questionId: question.id, identifier },
    }));
  await recordPortalAudit(db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: deps.clock(),
    action: "portal.question.chat",
    partyIds: [resident.partyId],
    objectType: "question",
    objectIds: [question.id],
    details: { chatSessionId: chat.sessionId },
  });
  return { sessionId: chat.sessionId, token: chat.token, reference: chat.questionReference };
}

/** The resident's chat about this question that is still going on, with a new token (the old one stops working). */
async function reopenChat(
  deps: Pick<AppDeps, "database">,
  resident: PortalResident,
  questionId: string,
  reference: string,
): Promise<{ sessionId: string; token: string; questionReference: string } | null> {
  const cs = schema.chatSessions;
  const { token, hash } = newVisitorToken();
  const [open] = await deps.database.db
    .update(cs)
    .set({ visitorTokenHash: hash })
    .where(
      and(
        eq(cs.tenantId, resident.tenantId),
        eq(cs.questionId, questionId),
        eq(cs.partyId, resident.partyId),
        ne(cs.status, "ended"),
      ),
    )
    .returning({ id: cs.id });
  return open ? { sessionId: open.id, token, questionReference: reference } : null;
}
