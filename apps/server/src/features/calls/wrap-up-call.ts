import { type Db, schema } from "@omniloket/db";
import { isKnownTopic, routeByTopic } from "@omniloket/domain";
import { and, eq, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { invalidInput, notFound } from "../../platform/errors";
import { publishEvent } from "../../platform/events";
import { loadQuestionForChange } from "../questions";

/**
 * After a call the employee writes what was said and, if the IVR did not know, the topic: the note
 * becomes the call's text, and an unknown topic is set (routing the question to that topic's team).
 */
export async function wrapUpCall(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; interactionId: string; note: string; topicId?: string },
) {
  const { principal } = input;
  if (input.topicId !== undefined && !isKnownTopic(input.topicId)) {
    throw invalidInput([
      { name: "topicId", code: "unknown-topic", reason: `Onbekend onderwerp "${input.topicId}".` },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    const [call] = await tx
      .select({
        id: schema.interactions.id,
        questionId: schema.interactions.questionId,
        channel: schema.interactions.channel,
      })
      .from(schema.interactions)
      .where(
        and(
          eq(schema.interactions.id, input.interactionId),
          eq(schema.interactions.tenantId, principal.tenantId),
        ),
      );
    if (call?.channel !== "phone") throw notFound("Dit telefoongesprek");
    const question = await loadQuestionForChange(tx, principal, call.questionId);
    const now = deps.clock();
    await tx
      .update(schema.interactions)
      .set({
        text: input.note,
        metadata: sql`${schema.interactions.metadata} || ${JSON.stringify({ wrappedUpAt: now.toISOString() })}::jsonb`,
        ...(principal.kind === "employee" ? { employeeId: principal.employeeId } : {}),
      })
      .where(eq(schema.interactions.id, call.id));
    let teamId = question.teamId;
    if (input.topicId && question.topicId === null) {
      const teams = await tx.select().from(schema.teams).where(eq(schema.teams.tenantId, principal.tenantId));
      teamId = routeByTopic(input.topicId, teams);
      await tx
        .update(schema.questions)
        .set({ topicId: input.topicId, teamId })
        .where(eq(schema.questions.id, question.id));
    }
    await publishEvent(
      tx,
      {
        tenantId: principal.tenantId,
        type: "question.changed",
        questionId: question.id,
        interactionId: call.id,
        teamId,
      },
      now,
    );
    return {
      interactionId: call.id,
      questionId: question.id,
      topicId: input.topicId ?? question.topicId,
      teamId,
    };
  });
}
