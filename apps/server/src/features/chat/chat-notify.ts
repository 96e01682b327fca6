import type { Queryable } from "@omniloket/db";
import { sql } from "drizzle-orm";

/** NOTIFY channel the visitors' chat streams listen on. Carries ids and a kind, never text. */
export const CHAT_CHANNEL = "omniloket_chat";

export type ChatSignal = { sessionId: string; kind: "message" | "status" | "typing" };

/** Inside the caller's transaction: PostgreSQL delivers it only after commit. */
export async function notifyChat(q: Queryable, signal: ChatSignal): Promise<void> {
  await q.execute(sql`SELECT pg_notify(${CHAT_CHANNEL}, ${JSON.stringify(signal)})`);
}
