import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";

/** A knowledge-base answer, optionally for one topic; searched with PostgreSQL's Dutch full-text search. */
export const knowledgeAnswers = pgTable(
  "knowledge_answers",
  {
    id: id(),
    tenantId: tenantId(),
    topicId: text("topic_id"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("knowledge_answers_search_idx").using(
      "gin",
      sql`to_tsvector('dutch', ${t.title} || ' ' || ${t.body})`,
    ),
    index("knowledge_answers_tenant_topic_idx").on(t.tenantId, t.topicId),
  ],
);

/** A canned text with variables such as `{{voornaam}}`, `{{kenmerk}}` and `{{onderwerp}}`. */
export const cannedTexts = pgTable(
  "canned_texts",
  {
    id: id(),
    tenantId: tenantId(),
    name: text("name").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("canned_texts_tenant_name_uq").on(t.tenantId, t.name)],
);
