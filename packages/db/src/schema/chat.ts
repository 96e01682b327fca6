import { bigserial, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";
import { interactions, questions } from "./questions";

export type ChatStatus = "waiting" | "active" | "ended";
export type ChatSender = "visitor" | "employee" | "system";

/**
 * A web chat (docs/decisions/0008-web-chat.md): one contact (interaction) in one question. The visitor
 * holds a random token; only its sha256 is stored. An email code, when asked for, is stored hashed too.
 */
export const chatSessions = pgTable(
  "chat_sessions",
  {
    id: id(),
    tenantId: tenantId(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id),
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interactions.id),
    /** The resident once known (after email-code identification); null while anonymous. */
    partyId: uuid("party_id"),
    visitorTokenHash: text("visitor_token_hash").notNull(),
    status: text("status").$type<ChatStatus>().notNull().default("waiting"),
    topicId: text("topic_id"),
    employeeId: uuid("employee_id"),
    /** "nl" or "en": the widget's language. */
    language: text("language").notNull().default("nl"),
    startedAt: at("started_at").notNull(),
    /**
     * When the visitor's stream was last known open (refreshed while it is): a waiting chat whose
     * visitor is gone for long is ended as abandoned ("timeout").
     */
    visitorSeenAt: at("visitor_seen_at"),
    acceptedAt: at("accepted_at"),
    endedAt: at("ended_at"),
    /** visitor | employee | left-message | callback | timeout */
    endReason: text("end_reason"),
    wrapUp: text("wrap_up"),
    codeHash: text("code_hash"),
    codeExpiresAt: at("code_expires_at"),
    codeAttempts: integer("code_attempts").notNull().default(0),
    /** The email address a code was sent to; set as identified once the code is verified. */
    codeEmail: text("code_email"),
    identifiedEmail: text("identified_email"),
  },
  (t) => [
    index("chat_sessions_question_idx").on(t.questionId),
    index("chat_sessions_tenant_status_idx").on(t.tenantId, t.status, t.startedAt),
  ],
);

/** One line in a chat, plain text. The bigserial id orders a session's messages and is the stream position. */
export const chatMessages = pgTable(
  "chat_messages",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    tenantId: tenantId(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => chatSessions.id),
    sender: text("sender").$type<ChatSender>().notNull(),
    employeeId: uuid("employee_id"),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("chat_messages_session_idx").on(t.sessionId, t.id)],
);
