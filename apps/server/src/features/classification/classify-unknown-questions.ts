import { type Db, schema } from "@omniloket/db";
import { classifyText, ISO_639_3, routeByTopic } from "@omniloket/domain";
import { and, asc, eq, isNull, notExists, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import { processPrincipal } from "../../platform/auth/principal";
import { publishTeamChange } from "../questions";
import { questionText } from "./question-text";
import { tenantTopicModel } from "./tenant-topic-model";

export type ClassifyUnknownResult = {
  examined: number;
  classified: number;
  /** left unknown: not confident enough, or not Dutch */
  leftUnknown: number;
  otherLanguage: number;
};

/**
 * Sets the topic of questions whose topic is unknown, with the municipality's model. An open question
 * is routed to the team of its new topic (as a change by an employee does); a resolved one (closed
 * before the worker saw it, or loaded in bulk) keeps its team, so reports and the signal rules see its
 * topic without anyone's work moving. Open questions go first. Every question examined gets a
 * `classification_decisions` row with the confidence, the words that drove the prediction, the
 * alternatives and the language, whether or not a topic was set; a question with a decision is not
 * examined again. Text in another language than Dutch keeps topic unknown (the decision records the
 * language), so it stays with the general team.
 */
export async function classifyUnknownQuestions(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; limit?: number },
): Promise<ClassifyUnknownResult> {
  const { tenantId } = input;
  const { model } = await tenantTopicModel(deps.db, tenantId);
  const candidates = await deps.db
    .select({ id: schema.questions.id })
    .from(schema.questions)
    .where(
      and(
        eq(schema.questions.tenantId, tenantId),
        isNull(schema.questions.topicId),
        isNull(schema.questions.mergedIntoId),
        notExists(
          deps.db
            .select({ one: sql`1` })
            .from(schema.classificationDecisions)
            .where(
              and(
                eq(schema.classificationDecisions.tenantId, tenantId),
                eq(schema.classificationDecisions.questionId, schema.questions.id),
              ),
            ),
        ),
      ),
    )
    .orderBy(sql`${schema.questions.status} = 'resolved'`, asc(schema.questions.openedAt))
    .limit(input.limit ?? 500);
  const result: ClassifyUnknownResult = { examined: 0, classified: 0, leftUnknown: 0, otherLanguage: 0 };
  const principal = processPrincipal(tenantId, "classifier");
  const teams =
    candidates.length === 0
      ? []
      : await deps.db
          .select({ id: schema.teams.id, topicIds: schema.teams.topicIds, isGeneral: schema.teams.isGeneral })
          .from(schema.teams)
          .where(eq(schema.teams.tenantId, tenantId));
  for (const candidate of candidates) {
    await deps.db.transaction(async (tx) => {
      const [question] = await tx
        .select({
          id: schema.questions.id,
          topicId: schema.questions.topicId,
          teamId: schema.questions.teamId,
          employeeId: schema.questions.employeeId,
          status: schema.questions.status,
          residentPartyId: schema.questions.residentPartyId,
        })
        .from(schema.questions)
        .where(eq(schema.questions.id, candidate.id))
        .for("update");
      if (!question || question.topicId !== null) return;
      const text = await questionText(tx, tenantId, question.id);
      const classification = classifyText(model, text);
      const now = deps.clock();
      result.examined++;
      let teamId = question.teamId;
      if (classification.topicId) {
        if (question.status !== "resolved")
          teamId = routeByTopic(classification.topicId, teams) ?? question.teamId;
        await tx
          .update(schema.questions)
          .set({
            topicId: classification.topicId,
            teamId,
            employeeId: teamId === question.teamId ? question.employeeId : null,
          })
          .where(eq(schema.questions.id, question.id));
        await publishTeamChange(tx, tenantId, question, teamId, now);
        result.classified++;
      } else {
        result.leftUnknown++;
        if (classification.reason === "language") result.otherLanguage++;
      }
      await tx.insert(schema.classificationDecisions).values({
        tenantId,
        questionId: question.id,
        topicId: classification.topicId,
        bestTopicId: classification.bestTopicId,
        confidence: classification.confidence,
        language: ISO_639_3[classification.language.language],
        reason: classification.reason,
        explanation: classification.explanation,
        alternatives: classification.alternatives,
        fromTeamId: question.teamId,
        toTeamId: teamId,
        modelExamples: model.examples,
        createdAt: now,
      });
      await recordAudit(tx, principal, now, {
        action: "question.classify",
        purpose: "contact-handling",
        partyIds: question.residentPartyId ? [question.residentPartyId] : [],
        objectType: "question",
        objectIds: [question.id],
        details: {
          toTopicId: classification.topicId,
          confidence: classification.confidence,
          language: classification.language.language,
          words: classification.explanation.map((c) => c.word),
          fromTeamId: question.teamId,
          toTeamId: teamId,
        },
      });
    });
  }
  return result;
}
