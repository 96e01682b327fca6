import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
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
  (t) => [index("audit_events_tenant_at_idx").on(t.tenantId, t.at)],
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
  },
  (t) => [index("outbox_pending_idx").on(t.processedAt, t.availableAt)],
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
