import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { sendConfirmation } from "../replies";
import { municipalityName, visitorEmail } from "./chat-email";
import { loadVisitorSession } from "./visitor-session";
import { hashEmailCode, newEmailCode } from "./visitor-token";

export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;

/**
 * The visitor asks to be recognised by an email address: a six-digit code goes to that address through
 * the ordinary outbound email (outbox, retries). It is valid ten minutes; only its hash is stored. A new
 * request replaces an older code and resets the attempts.
 */
export async function requestEmailCode(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null; email: string },
): Promise<{ expiresAt: string }> {
  const email = visitorEmail(input.email);
  const now = deps.clock();
  const code = newEmailCode();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  const session = await deps.db.transaction(async (tx) => {
    const found = await loadVisitorSession(tx, { ...input, forUpdate: true });
    await tx
      .update(schema.chatSessions)
      .set({
        codeHash: hashEmailCode(found.id, code),
        codeExpiresAt: expiresAt,
        codeAttempts: 0,
        codeEmail: email,
      })
      .where(eq(schema.chatSessions.id, found.id));
    return found;
  });
  const english = session.language === "en";
  const name = await municipalityName(deps.db, input.tenantId);
  const text = (shown: string) =>
    english
      ? `Your code is ${shown}.\n\nType this code in the chat. It is valid for 10 minutes.\n\nDid you not ask for a code? Then you can ignore this email.`
      : `Uw code is ${shown}.\n\nVul deze code in de chat in. De code is 10 minuten geldig.\n\nHeeft u geen code aangevraagd? Dan kunt u deze e-mail vergeten.`;
  // The question's timeline records that a code was sent, never the code itself.
  await sendConfirmation(deps, {
    tenantId: input.tenantId,
    questionId: session.questionId,
    to: email,
    language: english ? "eng" : "nld",
    subject: english ? `Your code for the chat with ${name}` : `Uw code voor de chat met gemeente ${name}`,
    text: text("••••••"),
    sentText: text(code),
  });
  return { expiresAt: expiresAt.toISOString() };
}
