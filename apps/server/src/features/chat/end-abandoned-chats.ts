import { type Db, schema } from "@omniloket/db";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import { closeSession } from "./close-session";
import { recordChatMessage } from "./record-chat-message";

/** How many abandoned chats one pass ends at most (the next pass takes the rest). */
const BATCH = 100;

const LEFT = {
  nl: "De chat is gestopt: u was een tijd niet meer verbonden en nog niemand had gereageerd. Uw vraag blijft bij ons.",
  en: "The chat has stopped: you were not connected for a while and nobody had answered yet. Your question stays with us.",
};

/**
 * Ends waiting chats whose visitor has had no stream open for `abandonAfterMs` (they closed the page
 * before anyone was free), with the reason "timeout" and a line saying so in the transcript. The
 * question stays as it is, with the chat in its timeline: an employee decides what follows. Chats an
 * employee already answers are never ended this way.
 */
export async function endAbandonedChats(
  deps: { db: Db; clock: () => Date },
  input: { abandonAfterMs: number },
): Promise<{ ended: number }> {
  const now = deps.clock();
  const cutoff = new Date(now.getTime() - input.abandonAfterMs);
  const lastSeen = sql`coalesce(${schema.chatSessions.visitorSeenAt}, ${schema.chatSessions.startedAt})`;
  const candidates = await deps.db
    .select({ id: schema.chatSessions.id })
    .from(schema.chatSessions)
    .where(and(eq(schema.chatSessions.status, "waiting"), lt(lastSeen, cutoff)))
    .orderBy(asc(schema.chatSessions.startedAt))
    .limit(BATCH);
  let ended = 0;
  for (const { id } of candidates) {
    const done = await deps.db.transaction(async (tx) => {
      // Looked at again under the lock: the visitor may have come back, or someone accepted it.
      const [session] = await tx
        .select()
        .from(schema.chatSessions)
        .where(
          and(
            eq(schema.chatSessions.id, id),
            eq(schema.chatSessions.status, "waiting"),
            lt(lastSeen, cutoff),
          ),
        )
        .for("update", { skipLocked: true });
      if (!session) return false;
      await recordChatMessage(
        tx,
        session,
        { sender: "system", text: LEFT[session.language === "en" ? "en" : "nl"] },
        now,
      );
      return closeSession(tx, session, { reason: "timeout" }, now);
    });
    if (done) ended += 1;
  }
  return { ended };
}
