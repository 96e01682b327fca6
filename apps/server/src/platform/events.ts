import type { Queryable } from "@omniloket/db";
import { sql } from "drizzle-orm";

export const EVENTS_CHANNEL = "omniloket_events";

/**
 * A live event: ids only, never personal data; the stream filters by what each user may see.
 * `eventId` is the id of the outbox row written in the same transaction, so a stream can resume
 * from the outbox after a reconnect (Last-Event-ID).
 */
export type LiveEvent = {
  eventId: string;
  tenantId: string;
  type: "interaction.created" | "question.changed" | "task.changed";
  questionId: string;
  interactionId?: string;
  taskId?: string;
  teamId: string | null;
};

/** NOTIFY inside the transaction: PostgreSQL delivers it only when the transaction commits. */
export async function notifyEvent(q: Queryable, event: LiveEvent): Promise<void> {
  await q.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}
