import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";

export type SignalStatus = "open" | "accepted" | "dismissed" | "snoozed";

/**
 * A signal rule's finding about one resident (issue 7): the rule and its version, the evidence (ids of
 * contacts, questions and tasks) and a Dutch explanation. One row per (tenant, party, rule, key), so
 * evaluating again updates the row instead of adding one. Nothing here contacts a resident.
 */
export const signals = pgTable(
  "signals",
  {
    id: id(),
    tenantId: tenantId(),
    partyId: uuid("party_id").notNull(),
    ruleId: text("rule_id").notNull(),
    ruleVersion: integer("rule_version").notNull(),
    key: text("key").notNull(),
    evidence: jsonb("evidence").notNull().default(sql`'{}'::jsonb`),
    explanation: text("explanation").notNull(),
    status: text("status").$type<SignalStatus>().notNull().default("open"),
    /** When the rule's condition was first met. */
    detectedAt: at("detected_at").notNull(),
    /** When a case guide accepted, dismissed or snoozed it (the start of the effect measurement). */
    decidedAt: at("decided_at"),
    /** A snoozed signal returns to the worklist once this moment has passed. */
    snoozedUntil: at("snoozed_until"),
    /** The outreach task made when the signal was accepted. */
    outreachTaskId: uuid("outreach_task_id"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("signals_finding_uq").on(t.tenantId, t.partyId, t.ruleId, t.key),
    index("signals_worklist_idx").on(t.tenantId, t.status, t.detectedAt),
  ],
);
