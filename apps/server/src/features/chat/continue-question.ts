import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { processPrincipal } from "../../platform/auth/principal";
import { mergeQuestionsInTransaction } from "../questions";
import { chatEnded, earlierQuestionNotFound } from "./chat.errors";
import { notifyChat } from "./chat-notify";
import { earlierQuestionsOf, identifiedSession } from "./earlier-questions";
import { recordChatMessage } from "./record-chat-message";

const CONTINUED = {
  nl: (reference: string) =>
    `U gaat verder met uw vraag ${reference}. De medewerker ziet wat er eerder over is gezegd.`,
  en: (reference: string) =>
    `You are continuing your question ${reference}. The employee can see what was said about it before.`,
};

/**
 * The identified visitor continues one of their open questions in this chat: the chat's own new question
 * merges into that one (the ordinary threading correction, by the web chat as a process, with the
 * resident's choice as reason), so the chat, its code emails and anything else move along. The
 * employee then sees the whole story in one question.
 */
export async function continueQuestion(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null; questionId: string },
): Promise<{ questionReference: string }> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    // The chat first, then the questions: the lock order of every chat line.
    const session = await identifiedSession(tx, { ...input, forUpdate: true });
    if (session.status === "ended") throw chatEnded();
    const target = (await earlierQuestionsOf(tx, session)).find((q) => q.id === input.questionId);
    if (!target) throw earlierQuestionNotFound();
    await mergeQuestionsInTransaction(tx, () => now, {
      principal: processPrincipal(input.tenantId, "web-chat"),
      survivingQuestionId: target.id,
      mergedQuestionId: session.questionId,
      reason: "De inwoner koos in de chat om verder te gaan met deze vraag.",
    });
    const [moved] = await tx.select().from(schema.chatSessions).where(eq(schema.chatSessions.id, session.id));
    if (!moved) throw new Error("chat session vanished");
    const text = session.language === "en" ? CONTINUED.en(target.reference) : CONTINUED.nl(target.reference);
    await recordChatMessage(tx, moved, { sender: "system", text }, now);
    await notifyChat(tx, { sessionId: session.id, kind: "status" });
    return { questionReference: target.reference };
  });
}
