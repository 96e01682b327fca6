import type { Queryable } from "@omniloket/db";
import { sql } from "drizzle-orm";
import { selectRows } from "./sql";

export const EVENTS_CHANNEL = "omniloket_events";

/**
 * A live event: ids only, never personal data; the stream filters by what each user may see.
 * `eventId` is the id of the outbox row written in the same transaction, so a stream can resume
 * from the outbox after a reconnect (Last-Event-ID).
 */
export type LiveEvent = {
  eventId: string;
  tenantId: string;
  type: "interaction.created" | "question.changed" | "task.changed" | "call.answered" | "chat.message";
  questionId: string;
  interactionId?: string;
  taskId?: string;
  teamId: string | null;
  /** Only this employee hears the event (a screen pop when they answer a call). */
  employeeId?: string;
  /** The resident concerned, so a screen pop can show their open questions (an id, not their data). */
  partyId?: string;
};

/** Outbox row types and the live event each becomes (the outbox row id is the event id). */
const outboxTypeOf: Record<LiveEvent["type"], string> = {
  "interaction.created": "interaction.received",
  "question.changed": "question.changed",
  "task.changed": "task.changed",
  "call.answered": "call.answered",
  "chat.message": "chat.message",
};

/**
 * Records a change for after-commit work (the outbox row) and tells live streams about it (NOTIFY,
 * which PostgreSQL delivers only when the caller's transaction commits). One statement: the NOTIFY
 * payload takes the new row's id as its event id.
 */
export async function publishEvent(q: Queryable, event: Omit<LiveEvent, "eventId">, at: Date): Promise<void> {
  const payload: Record<string, string> = { questionId: event.questionId };
  if (event.interactionId) payload.interactionId = event.interactionId;
  if (event.taskId) payload.taskId = event.taskId;
  if (event.employeeId) payload.employeeId = event.employeeId;
  if (event.partyId) payload.partyId = event.partyId;
  const rows = await selectRows(
    q,
    sql`
    WITH row AS (
      INSERT INTO outbox (tenant_id, type, payload, created_at)
      VALUES (${event.tenantId}, ${outboxTypeOf[event.type]}, ${JSON.stringify(payload)}::jsonb, ${at})
      RETURNING id
    )
    SELECT pg_notify(${EVENTS_CHANNEL}, jsonb_set(${JSON.stringify(event)}::jsonb, '{eventId}', to_jsonb(row.id::text))::text)
    FROM row`,
  );
  if (rows.length !== 1) throw new Error("outbox insert returned nothing");
}
