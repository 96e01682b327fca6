import { type Queryable, schema } from "@omniloket/db";
import { defaultSensitiveTopicIds } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { mayReadQuestion, type QuestionAccessFacts } from "../../platform/auth/need-to-know";
import type { Principal } from "../../platform/auth/principal";
import type { Purpose } from "../../platform/auth/roles";

export type TenantTeams = ReadonlyArray<{ id: string; topicIds: string[] }>;

/** The municipality's teams and the topics they handle: what need-to-know decides on. */
export function tenantTeams(q: Queryable, tenantId: string): Promise<TenantTeams> {
  return q
    .select({ id: schema.teams.id, topicIds: schema.teams.topicIds })
    .from(schema.teams)
    .where(eq(schema.teams.tenantId, tenantId));
}

/** Loads what need-to-know needs once per request (or takes it, already loaded) and returns a predicate. */
export async function questionAccessFor(
  q: Queryable,
  principal: Principal,
  purpose: Purpose,
  loaded?: TenantTeams,
) {
  const teams = loaded ?? (await tenantTeams(q, principal.tenantId));
  return (question: QuestionAccessFacts) =>
    mayReadQuestion(principal, question, { sensitiveTopicIds: defaultSensitiveTopicIds, teams, purpose });
}
