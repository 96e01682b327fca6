import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";
import { parties } from "./parties";

/** Source of question references; one sequence for the installation, so references never collide. */
export const questionSequence = pgSequence("question_reference_seq", { startWith: 1000 });

export type QuestionStatus =
  | "open"
  | "waiting-on-resident"
  | "waiting-on-municipality"
  | "resolved"
  | "reopened";

/** One need, one thread across channels (a chain of Klantcontacten). */
export const questions = pgTable(
  "questions",
  {
    id: id(),
    tenantId: tenantId(),
    /** Our own reference (DESIGN §5), derived from `sequence`. */
    reference: text("reference").notNull(),
    sequence: bigint("sequence", { mode: "bigint" }).notNull(),
    residentPartyId: uuid("resident_party_id").references(() => parties.id),
    topicId: text("topic_id"),
    status: text("status").$type<QuestionStatus>().notNull().default("open"),
    confidential: boolean("confidential").notNull().default(false),
    dueAt: at("due_at"),
    /** The channel the resident chose for answers on this question, if they chose one. */
    replyChannel: text("reply_channel"),
    teamId: uuid("team_id"),
    employeeId: uuid("employee_id"),
    openedAt: at("opened_at").notNull(),
    resolvedAt: at("resolved_at"),
    lastActivityAt: at("last_activity_at").notNull(),
    mergedIntoId: uuid("merged_into_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("questions_reference_uq").on(t.reference),
    index("questions_resident_idx").on(t.tenantId, t.residentPartyId, t.lastActivityAt),
    index("questions_inbox_idx").on(t.tenantId, t.status, t.teamId, t.dueAt),
    // The inbox (features/inbox): unresolved, unmerged questions in the order agents work them (due time,
    // nulls last, then last activity), so a keyset page is one index range scan at any size.
    index("questions_inbox_queue_idx")
      .on(t.tenantId, sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`, t.lastActivityAt, t.id)
      .where(sql`${t.mergedIntoId} IS NULL AND ${t.status} <> 'resolved'`),
    index("questions_inbox_team_queue_idx")
      .on(t.tenantId, t.teamId, sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`, t.lastActivityAt, t.id)
      .where(sql`${t.mergedIntoId} IS NULL AND ${t.status} <> 'resolved'`),
  ],
);

/**
 * A question's status history: one row per change of `questions.status` (not the opening "open"), with
 * what caused it: the contact (a resident writing again reopens a resolved question) or the employee.
 * Signal rules read it (features/signals), so a question reopened and resolved again stays visible.
 */
export const questionStatusChanges = pgTable(
  "question_status_changes",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    tenantId: tenantId(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id),
    fromStatus: text("from_status").$type<QuestionStatus>().notNull(),
    toStatus: text("to_status").$type<QuestionStatus>().notNull(),
    at: at("at").notNull(),
    /** The contact that caused the change, if a contact did. */
    interactionId: uuid("interaction_id"),
    /** The employee who changed it, if an employee did. */
    employeeId: uuid("employee_id"),
  },
  (t) => [index("question_status_changes_question_idx").on(t.tenantId, t.questionId, t.at)],
);

/** A link the system offered but did not force: a person accepts or rejects it. */
export const threadingSuggestions = pgTable(
  "threading_suggestions",
  {
    id: id(),
    tenantId: tenantId(),
    interactionId: uuid("interaction_id").notNull(),
    questionId: uuid("question_id").notNull(),
    reason: text("reason").notNull(),
    status: text("status").$type<"open" | "accepted" | "rejected">().notNull().default("open"),
    decidedByEmployeeId: uuid("decided_by_employee_id"),
    createdAt: createdAt(),
  },
  (t) => [index("threading_suggestions_interaction_idx").on(t.interactionId)],
);

/** One contact on one channel (Klantcontact). */
export const interactions = pgTable(
  "interactions",
  {
    id: id(),
    tenantId: tenantId(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id),
    channel: text("channel").notNull(),
    direction: text("direction").$type<"inbound" | "outbound">().notNull(),
    occurredAt: at("occurred_at").notNull(),
    receivedAt: at("received_at").notNull().defaultNow(),
    subject: text("subject"),
    text: text("text").notNull().default(""),
    language: text("language").notNull().default("nld"),
    externalId: text("external_id"),
    /** Channel thread key, e.g. an email Message-ID we can thread replies on. */
    threadKey: text("thread_key"),
    employeeId: uuid("employee_id"),
    botId: uuid("bot_id"),
    /** Outbound: queued, sent, delivered, read or failed, as the channel reports it. */
    deliveryStatus: text("delivery_status"),
    deliveryError: text("delivery_error"),
    metadata: jsonb("metadata").notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    index("interactions_question_idx").on(t.questionId, t.occurredAt),
    index("interactions_thread_key_idx").on(t.tenantId, t.threadKey),
    index("interactions_external_id_idx").on(t.tenantId, t.channel, t.externalId),
  ],
);

/**
 * A party's involvement in an interaction (Betrokkene). `occurred_at` is copied from the interaction so
 * a resident's timeline is one index range scan, whatever the size of the database.
 */
export const interactionParties = pgTable(
  "interaction_parties",
  {
    id: id(),
    tenantId: tenantId(),
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interactions.id),
    partyId: uuid("party_id").references(() => parties.id),
    /** The resident whose timeline this contact belongs in (the represented resident for a representative). */
    timelinePartyId: uuid("timeline_party_id"),
    role: text("role").$type<"resident" | "representative">().notNull(),
    initiator: boolean("initiator").notNull().default(true),
    contactName: text("contact_name"),
    occurredAt: at("occurred_at").notNull(),
  },
  (t) => [
    index("interaction_parties_timeline_idx").on(
      t.tenantId,
      t.timelinePartyId,
      t.occurredAt,
      t.interactionId,
    ),
    index("interaction_parties_interaction_idx").on(t.interactionId),
    index("interaction_parties_party_idx").on(t.partyId),
  ],
);

/** Onderwerpobject: what a contact was about outside Omniloket (a case, a product). */
export const subjectLinks = pgTable(
  "subject_links",
  {
    id: id(),
    tenantId: tenantId(),
    interactionId: uuid("interaction_id").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    register: text("register").notNull(),
    objectIdKind: text("object_id_kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("subject_links_interaction_idx").on(t.interactionId)],
);

/** Attachment metadata; the bytes sit behind the storage port, addressed by sha256. */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    tenantId: tenantId(),
    interactionId: uuid("interaction_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    quarantined: boolean("quarantined").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_interaction_idx").on(t.interactionId)],
);

/** An internal note on a question: for colleagues only, never sent to a resident. */
export const questionNotes = pgTable(
  "question_notes",
  {
    id: id(),
    tenantId: tenantId(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id),
    employeeId: uuid("employee_id").notNull(),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("question_notes_question_idx").on(t.questionId, t.createdAt)],
);

export type TaskKind = "callback" | "back-office";
export type TaskStatus = "open" | "done" | "cancelled";

/** Callback request or back-office task (InterneTaak). */
export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    tenantId: tenantId(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id),
    causeInteractionId: uuid("cause_interaction_id"),
    kind: text("kind").$type<TaskKind>().notNull(),
    status: text("status").$type<TaskStatus>().notNull().default("open"),
    teamId: uuid("team_id"),
    assigneeEmployeeId: uuid("assignee_employee_id"),
    dueAt: at("due_at"),
    contactChannel: text("contact_channel"),
    contactAddress: text("contact_address"),
    description: text("description").notNull(),
    outcome: text("outcome"),
    createdAt: createdAt(),
    completedAt: at("completed_at"),
  },
  (t) => [
    index("tasks_question_idx").on(t.questionId),
    index("tasks_open_idx").on(t.tenantId, t.status, t.teamId, t.dueAt),
    // The back office's task list (features/tasks): overdue first, keyset on (due time, created, id).
    index("tasks_list_idx").on(
      t.tenantId,
      t.status,
      sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`,
      t.createdAt,
      t.id,
    ),
  ],
);
