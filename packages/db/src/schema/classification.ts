import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, real, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId } from "./columns";

/**
 * A training example from an employee's correction of a question's topic: the resident's text and
 * the topic the employee chose. The municipality's topic model is the shipped set plus these rows.
 */
export const classifierExamples = pgTable(
  "classifier_examples",
  {
    id: id(),
    tenantId: tenantId(),
    questionId: uuid("question_id"),
    text: text("text").notNull(),
    topicId: text("topic_id").notNull(),
    /** The topic before the correction (null: unknown). */
    previousTopicId: text("previous_topic_id"),
    source: text("source").$type<"correction">().notNull().default("correction"),
    employeeId: uuid("employee_id"),
    createdAt: createdAt(),
  },
  (t) => [index("classifier_examples_tenant_idx").on(t.tenantId, t.createdAt)],
);

/**
 * Every topic the classifier set (or declined to set) on a question, with why: the confidence, the
 * words that drove it, the alternatives and the detected language, so an employee can see it.
 */
export const classificationDecisions = pgTable(
  "classification_decisions",
  {
    id: id(),
    tenantId: tenantId(),
    questionId: uuid("question_id").notNull(),
    /** The topic set; null when the classifier was not confident enough or the language is not Dutch. */
    topicId: text("topic_id"),
    bestTopicId: text("best_topic_id"),
    confidence: real("confidence").notNull(),
    language: text("language").notNull(),
    reason: text("reason").$type<"model" | "language">().notNull(),
    explanation: jsonb("explanation").notNull().default(sql`'[]'::jsonb`),
    alternatives: jsonb("alternatives").notNull().default(sql`'[]'::jsonb`),
    fromTeamId: uuid("from_team_id"),
    toTeamId: uuid("to_team_id"),
    /** How many examples the model was trained on (shipped plus corrections). */
    modelExamples: integer("model_examples").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("classification_decisions_question_idx").on(t.tenantId, t.questionId, t.createdAt)],
);
