import type { Queryable } from "@omniloket/db";
import { defaultSensitiveTopicIds, fits, mayTake, usedCapacity, type WorkItem } from "@omniloket/domain";
import { employeeFacts, routingWeights } from "../routing";

/**
 * Whether anyone could take this chat now: an employee who is available, may take it (team, skills,
 * language, need-to-know) and has room for one more chat. Honest, not a promise: routing decides.
 */
export async function someoneAvailableFor(
  q: Queryable,
  tenantId: string,
  question: { id: string; topicId: string | null; teamId: string | null; confidential: boolean },
  language: string,
  now: Date,
): Promise<boolean> {
  const [agents, weights] = await Promise.all([employeeFacts(q, tenantId), routingWeights(q, tenantId)]);
  const item: WorkItem = {
    questionId: question.id,
    channel: "chat",
    topicId: question.topicId,
    language,
    teamId: question.teamId,
    dueAt: null,
    waitingSince: now,
    sensitive:
      question.confidential ||
      (question.topicId !== null && defaultSensitiveTopicIds.includes(question.topicId)),
  };
  return agents.some(
    (agent) =>
      agent.presence === "available" &&
      mayTake(agent, item) &&
      fits(usedCapacity(agent.load, weights), item, weights),
  );
}
