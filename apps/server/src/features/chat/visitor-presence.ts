import { type Queryable, schema } from "@omniloket/db";
import { inArray } from "drizzle-orm";

/** How often a process notes that the visitors' streams it holds are still open. */
export const VISITOR_SEEN_REFRESH_MS = 30_000;

/** The visitors of these chats have a stream open now (one statement for all of them). */
export async function markVisitorsSeen(
  q: Queryable,
  sessionIds: readonly string[],
  now: Date,
): Promise<void> {
  if (sessionIds.length === 0) return;
  await q
    .update(schema.chatSessions)
    .set({ visitorSeenAt: now })
    .where(inArray(schema.chatSessions.id, [...sessionIds]));
}
