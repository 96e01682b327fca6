import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, tenantId } from "./columns";

/**
 * Every read of a resident's personal data and every change to identity writes one row:
 * who, what (the party ids, also for list reads), when, and the declared purpose.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    tenantId: tenantId(),
    at: at("at").notNull().defaultNow(),
    actorType: text("actor_type").$type<"employee" | "system" | "resident" | "token">().notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    purpose: text("purpose").notNull(),
    partyIds: uuid("party_ids").array().notNull().default(sql`'{}'::uuid[]`),
    objectType: text("object_type"),
    objectIds: text("object_ids").array().notNull().default(sql`'{}'::text[]`),
    details: jsonb("details").notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index("audit_events_tenant_at_idx").on(t.tenantId, t.at),
    // A question's moves between teams and employees, for the signal rules (ping-pong): signal_inputs
    // looks them up by the questions' ids. Only real moves are indexed (a classification or a change
    // that kept the team is not), and without GIN's pending list: a long list of recent entries was
    // read on every lookup until vacuum merged it.
    index("audit_events_question_moves_idx")
      .using("gin", t.objectIds)
      .with({ fastupdate: false })
      .where(
        sql`${t.action} IN ('question.change', 'question.transfer', 'question.classify') AND (${t.action} = 'question.transfer' OR (${t.details} ->> 'fromTeamId') IS DISTINCT FROM (${t.details} ->> 'toTeamId'))`,
      ),
  ],
);

/** Work to do after commit (delivery, webhooks, classification), written in the same transaction. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    tenantId: tenantId(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
    availableAt: at("available_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    processedAt: at("processed_at"),
    lastError: text("last_error"),
    /** Set when retries ran out: the row is on the dead-letter list that admins see. */
    deadAt: at("dead_at"),
    /** At most one row per key, so a repeated request never queues the same work twice. */
    idempotencyKey: text("idempotency_key"),
  },
  (t) => [
    index("outbox_pending_idx").on(t.processedAt, t.availableAt),
    /**
     * Live-event rows are never "processed", so without this the delivery worker's claim of pending
     * messages would walk every event ever written, on every pass.
     */
    index("outbox_messages_pending_idx")
      .on(t.id)
      .where(sql`type = 'message.send' AND processed_at IS NULL AND dead_at IS NULL`),
    uniqueIndex("outbox_idempotency_key_uq").on(t.idempotencyKey),
  ],
);

/** Inbound messages that could not be ingested (no usable sender, unknown recipient), with the reason. */
export const quarantinedMessages = pgTable(
  "quarantined_messages",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    tenantId: uuid("tenant_id"),
    channel: text("channel").notNull(),
    receivedAt: at("received_at").notNull().defaultNow(),
    reason: text("reason").notNull(),
    /** The raw message, through the storage port (sha256), so nothing is lost. */
    rawSha256: text("raw_sha256"),
    summary: jsonb("summary").notNull().default(sql`'{}'::jsonb`),
    releasedAt: at("released_at"),
  },
  (t) => [index("quarantined_messages_tenant_idx").on(t.tenantId, t.receivedAt)],
);

/** Every channel the reply rule suggested and every override with its reason, so effects can be measured. */
export const replyDecisions = pgTable(
  "reply_decisions",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    tenantId: tenantId(),
    questionId: uuid("question_id").notNull(),
    interactionId: uuid("interaction_id"),
    suggestedChannel: text("suggested_channel"),
    suggestionReason: text("suggestion_reason").notNull(),
    chosenChannel: text("chosen_channel").notNull(),
    overrideReason: text("override_reason"),
    employeeId: uuid("employee_id"),
    createdAt: createdAt(),
  },
  (t) => [index("reply_decisions_question_idx").on(t.questionId)],
);

/** Idempotency of ingest: a repeat of (tenant, channel, external id) returns the first result. */
export const receipts = pgTable(
  "receipts",
  {
    tenantId: tenantId(),
    channel: text("channel").notNull(),
    externalId: text("external_id").notNull(),
    result: jsonb("result"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.channel, t.externalId] })],
);
