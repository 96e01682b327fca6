import type { Principal } from "./principal";
import type { Purpose } from "./roles";

export type QuestionAccessFacts = {
  topicId: string | null;
  confidential: boolean;
  teamId: string | null;
};

export type TeamTopics = { id: string; topicIds: string[] };

/**
 * DESIGN §5 need to know: sensitive topics (youth, debts, care, income) and confidential questions are
 * visible only to the teams that handle them, and to case guides acting with the case-guidance purpose.
 */
export function mayReadQuestion(
  principal: Principal,
  question: QuestionAccessFacts,
  context: { sensitiveTopicIds: readonly string[]; teams: readonly TeamTopics[]; purpose: Purpose },
): boolean {
  const sensitive =
    question.confidential ||
    (question.topicId !== null && context.sensitiveTopicIds.includes(question.topicId));
  if (!sensitive) return true;
  if (principal.kind === "token" && principal.roles.includes("system")) return true;
  if (principal.roles.includes("case-guide") && context.purpose === "case-guidance") return true;
  if (question.teamId !== null && principal.teamIds.includes(question.teamId)) return true;
  if (question.confidential) return false;
  return context.teams.some(
    (team) =>
      principal.teamIds.includes(team.id) &&
      question.topicId !== null &&
      team.topicIds.includes(question.topicId),
  );
}
