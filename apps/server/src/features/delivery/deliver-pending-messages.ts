import type { Database } from "@omniloket/db";
import type { Channel } from "@omniloket/domain";
import { publishEvent } from "../../platform/events";
import type { Logger } from "../../platform/log";
import { channelSettings } from "../organisation";
import type { ChannelSender, OutboundMessage } from "./channel-sender";
import { SendError } from "./channel-sender";
import { recordDeliveryStatus } from "./record-delivery-status";

export type Senders = Partial<Record<Channel, ChannelSender>>;

export type DeliveryOptions = { batchSize?: number; maxAttempts?: number; leaseSeconds?: number };

type Claimed = {
  id: string;
  tenant_id: string;
  /** `sentText`: the message as sent when the stored one masks a secret (erased after sending). */
  payload: { interactionId: string; to: string; sentText?: string };
  attempts: number;
};

type MessageRow = {
  channel: Channel;
  subject: string | null;
  text: string;
  language: string;
  thread_key: string | null;
  metadata: { template?: string } | null;
  question_id: string;
  reference: string;
  team_id: string | null;
  in_reply_to: string | null;
};

/** Exponential backoff: 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempt - 1), 3600);
}

/**
 * Sends queued messages through their channel adapters. A row is claimed with a lease (SKIP LOCKED, so
 * several server processes share the work) and sent outside any transaction; success marks it sent,
 * a retryable failure schedules a retry with backoff, and a permanent failure or the last attempt puts it
 * on the dead-letter list and tells a person to reach the resident another way.
 */
export async function deliverPendingMessages(
  deps: { database: Database; clock: () => Date; log: Logger },
  senders: Senders,
  options: DeliveryOptions = {},
): Promise<{ sent: number; retried: number; dead: number }> {
  const { database } = deps;
  const now = deps.clock();
  const maxAttempts = options.maxAttempts ?? 8;
  const claimed = await database.query<Claimed>(
    `UPDATE outbox SET attempts = attempts + 1, available_at = $1::timestamptz + make_interval(secs => $3)
      WHERE id IN (SELECT id FROM outbox
                    WHERE type = 'message.send' AND processed_at IS NULL AND dead_at IS NULL AND available_at <= $1
                    ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
      RETURNING id::text, tenant_id::text, payload, attempts`,
    [now, options.batchSize ?? 20, options.leaseSeconds ?? 300],
  );
  const tally = { sent: 0, retried: 0, dead: 0 };
  for (const row of claimed) {
    const outcome = await deliverOne(deps, senders, row, maxAttempts);
    tally[outcome] += 1;
  }
  return tally;
}

async function deliverOne(
  deps: { database: Database; clock: () => Date; log: Logger },
  senders: Senders,
  row: Claimed,
  maxAttempts: number,
): Promise<"sent" | "retried" | "dead"> {
  const { database } = deps;
  const [message] = await database.query<MessageRow>(
    `SELECT i.channel, i.subject, i.text, i.language, i.thread_key, i.metadata, i.question_id::text, q.reference, q.team_id::text,
            (SELECT r.external_id FROM interactions r
              WHERE r.question_id = i.question_id AND r.direction = 'inbound' AND r.channel = 'email' AND r.external_id IS NOT NULL
              ORDER BY r.occurred_at DESC LIMIT 1) AS in_reply_to
       FROM interactions i JOIN questions q ON q.id = i.question_id WHERE i.id = $1`,
    [row.payload.interactionId],
  );
  if (!message) return giveUp(deps, row, null, "Het bericht bestaat niet meer.");
  const sender = senders[message.channel];
  if (!sender)
    return giveUp(deps, row, message, `Kanaal ${message.channel} is niet ingesteld voor verzenden.`);
  const outbound: OutboundMessage = {
    idempotencyKey: `message.send:${row.payload.interactionId}`,
    tenantId: row.tenant_id,
    channel: message.channel,
    to: row.payload.to,
    subject: message.subject,
    text: row.payload.sentText ?? message.text,
    language: message.language,
    questionReference: message.reference,
    messageId: message.thread_key,
    inReplyTo: message.in_reply_to ? [message.in_reply_to] : [],
    template: message.metadata?.template ?? null,
  };
  try {
    const settings = await channelSettings(database.db, row.tenant_id);
    const { providerMessageId } = await sender.send(outbound, settings);
    const now = deps.clock();
    await database.transaction(async (query) => {
      await query(
        `UPDATE interactions SET external_id = $2, delivery_status = CASE WHEN delivery_status = 'queued' THEN 'sent' ELSE delivery_status END
          WHERE id = $1`,
        [row.payload.interactionId, providerMessageId],
      );
      await query(
        "UPDATE outbox SET processed_at = $2, last_error = NULL, payload = payload - 'sentText' WHERE id = $1",
        [row.id, now],
      );
    });
    await publishEvent(
      database.db,
      {
        tenantId: row.tenant_id,
        type: "question.changed",
        questionId: message.question_id,
        interactionId: row.payload.interactionId,
        teamId: message.team_id,
      },
      now,
    );
    return "sent";
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const retryable = !(error instanceof SendError) || error.retryable;
    if (!retryable || row.attempts >= maxAttempts) return giveUp(deps, row, message, reason);
    const retryAt = new Date(deps.clock().getTime() + retryDelaySeconds(row.attempts) * 1000);
    await database.query("UPDATE outbox SET available_at = $2, last_error = $3 WHERE id = $1", [
      row.id,
      retryAt,
      reason,
    ]);
    deps.log.warn(
      { outboxId: row.id, attempts: row.attempts, channel: message.channel },
      "delivery failed; will retry",
    );
    return "retried";
  }
}

async function giveUp(
  deps: { database: Database; clock: () => Date; log: Logger },
  row: Claimed,
  message: MessageRow | null,
  reason: string,
): Promise<"dead"> {
  const now = deps.clock();
  // A secret in the message (a code) is not kept on the dead-letter list; it has expired by a retry.
  await deps.database.query(
    "UPDATE outbox SET dead_at = $2, last_error = $3, payload = payload - 'sentText' WHERE id = $1",
    [row.id, now, reason],
  );
  deps.log.warn({ outboxId: row.id, attempts: row.attempts }, "delivery gave up; on the dead-letter list");
  if (message) {
    // Marks the message failed and creates the task to reach the resident another way.
    await recordDeliveryStatus(
      { db: deps.database.db, clock: deps.clock },
      {
        tenantId: row.tenant_id,
        channel: message.channel,
        interactionId: row.payload.interactionId,
        status: "failed",
        error: reason,
      },
    );
  }
  return "dead";
}
