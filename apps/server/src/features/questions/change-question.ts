import { type Db, schema } from "@omniloket/db";
import type { QuestionStatus } from "@omniloket/db/schema";
import { isKnownTopic, routeByTopic } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { recordTopicCorrection } from "../classification";
import { loadQuestionForChange } from "./load-question-for-change";
import { publishTeamChange } from "./publish-team-change";
import { questionAccessFor } from "./question-access";
import { nothingToChange, unknownTopic } from "./questions.errors";
import { recordStatusChange } from "./record-status-change";

/**
 * Sets a question's topic and/or status. A new topic routes the question to the team for that topic, as
 * ingest does (or the general team); when the team changes, the question goes back into that team's
 * queue. The due time stays as it was promised.
 */
export async function changeQuestion(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; questionId: string; topicId?: string; status?: QuestionStatus },
) {
  const { principal } = input;
  if (input.topicId === undefined && input.status === undefined) throw nothingToChange();
  if (input.topicId !== undefined && !isKnownTopic(input.topicId)) throw unknownTopic(input.topicId);
  return deps.db.transaction(async (tx) => {
    const question = await loadQuestionForChange(tx, principal, input.questionId);
    const now = deps.clock();
    const topicId = input.topicId ?? question.topicId;
    let teamId = question.teamId;
    let employeeId = question.employeeId;
    if (input.topicId !== undefined && input.topicId !== question.topicId) {
      const teams = await tx
        .select({ id: schema.teams.id, topicIds: schema.teams.topicIds, isGeneral: schema.teams.isGeneral })
        .from(schema.teams)
        .where(eq(schema.teams.tenantId, principal.tenantId));
      teamId = routeByTopic(input.topicId, teams) ?? question.teamId;
      if (teamId !== question.teamId) employeeId = null;
    }
    const status = input.status ?? question.status;
    const resolvedAt = status === "resolved" ? (question.resolvedAt ?? now) : null;
    await tx
      .update(schema.questions)
      .set({ topicId, status, teamId, employeeId, resolvedAt })
      .where(eq(schema.questions.id, question.id));
    await recordStatusChange(tx, principal, {
      questionId: question.id,
      from: question.status,
      to: status,
      at: now,
    });
    await publishTeamChange(tx, principal.tenantId, question, teamId, now);
    await recordTopicCorrection(tx, {
      tenantId: principal.tenantId,
      questionId: question.id,
      fromTopicId: question.topicId,
      toTopicId: topicId,
      employeeId: principal.kind === "employee" ? principal.employeeId : null,
    });
    await recordAudit(tx, principal, now, {
      action: "question.change",
      purpose: "contact-handling",
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "question",
      objectIds: [question.id],
      details: {
        fromTopicId: question.topicId,
        toTopicId: topicId,
        fromStatus: question.status,
        toStatus: status,
        fromTeamId: question.teamId,
        toTeamId: teamId,
      },
    });
    const mayRead = await questionAccessFor(tx, principal, "contact-handling");
    return {
      questionId: question.id,
      topicId,
      status,
      teamId,
      employeeId,
      visibleToYou: mayRead({ topicId, confidential: question.confidential, teamId }),
    };
  });
}
