import { timingSafeEqual } from "node:crypto";
import { type Db, schema } from "@omniloket/db";
import { eq, sql } from "drizzle-orm";
import { codeExpired, noCodeRequested, tooManyAttempts, wrongCode } from "./chat.errors";
import { notifyChat } from "./chat-notify";
import { joinChatToResident } from "./join-resident";
import { MAX_CODE_ATTEMPTS } from "./request-email-code";
import { loadVisitorSession } from "./visitor-session";
import { hashEmailCode } from "./visitor-token";

type Outcome = "verified" | "no-code" | "expired" | "attempts" | "wrong";

const same = (a: string, b: string) => {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The visitor types the emailed code. Right: the address counts as verified by code for the resident
 * who owns it, and the chat joins that resident. Wrong: one attempt used (at most five); the count is
 * committed before the error is returned.
 */
export async function verifyEmailCode(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; sessionId: string; token: string | null; code: string },
): Promise<{ identified: true }> {
  const now = deps.clock();
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const session = await loadVisitorSession(tx, { ...input, forUpdate: true });
    if (!session.codeHash || !session.codeExpiresAt || !session.codeEmail) return "no-code";
    if (session.codeAttempts >= MAX_CODE_ATTEMPTS) return "attempts";
    if (session.codeExpiresAt.getTime() <= now.getTime()) return "expired";
    const given = /^\d{6}$/.test(input.code.trim()) ? input.code.trim() : "";
    if (!given || !same(session.codeHash, hashEmailCode(session.id, given))) {
      await tx
        .update(schema.chatSessions)
        .set({ codeAttempts: sql`${schema.chatSessions.codeAttempts} + 1` })
        .where(eq(schema.chatSessions.id, session.id));
      return "wrong";
    }
    await tx
      .update(schema.chatSessions)
      .set({ codeHash: null, codeExpiresAt: null, codeAttempts: 0, codeEmail: null })
      .where(eq(schema.chatSessions.id, session.id));
    await joinChatToResident(tx, session, session.codeEmail, "code", now);
    await notifyChat(tx, { sessionId: session.id, kind: "status" });
    return "verified";
  });
  switch (outcome) {
    case "verified":
      return { identified: true };
    case "no-code":
      throw noCodeRequested();
    case "attempts":
      throw tooManyAttempts();
    case "expired":
      throw codeExpired();
    case "wrong":
      throw wrongCode();
  }
}
