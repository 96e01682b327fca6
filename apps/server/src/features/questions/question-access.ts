import { type Queryable, schema } from "@omniloket/db";
import { defaultSensitiveTopicIds } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { mayReadQuestion, type QuestionAccessFacts } from "../../platform/auth/need-to-know";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";

/** Loads what need-to-know needs once per request and returns a predicate over questions. */
export async function questionAccessFor(q: Queryable, principal: Principal, purpose: Purpose) {
  const teams = await q
    .select({ id: schema.teams.id, topicIds: schema.teams.topicIds })
    .from(schema.teams)
    .where(eq(schema.teams.tenantId, principal.tenantId));
  return (question: QuestionAccessFacts) =>
    mayReadQuestion(principal, question, { sensitiveTopicIds: defaultSensitiveTopicIds, teams, purpose });
}
