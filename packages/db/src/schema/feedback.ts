import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id, tenantId } from "./columns";
import { questions } from "./questions";

/**
 * A resident's answer to "Heeft dit u geholpen?" about one of their questions (portal), one per question
 * and resident; answering again replaces it. The effect measurement of the helping hand (issue 7) reads it.
 */
export const questionFeedback = pgTable(
  "question_feedback",
  {
    id: id(),
    tenantId: tenantId(),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questions.id),
    partyId: uuid("party_id").notNull(),
    helped: boolean("helped").notNull(),
    comment: text("comment"),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("question_feedback_question_party_uq").on(t.questionId, t.partyId),
    index("question_feedback_tenant_idx").on(t.tenantId, t.createdAt),
  ],
);
