export type RoutingTeam = { id: string; topicIds: readonly string[]; isGeneral: boolean };

/**
 * The team a question goes to: the first team that handles its topic, otherwise the first general
 * team (DESIGN §5: a question with an unknown topic waits there until its topic is set).
 * Null when neither exists, which is a configuration error for the caller to report.
 */
export function routeByTopic(topicId: string | null, teams: readonly RoutingTeam[]): string | null {
  const specialist = topicId === null ? undefined : teams.find((team) => team.topicIds.includes(topicId));
  if (specialist) return specialist.id;
  return teams.find((team) => team.isGeneral)?.id ?? null;
}
