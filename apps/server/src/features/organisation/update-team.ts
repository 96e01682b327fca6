import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { isUniqueViolation } from "../../platform/unique-violation";
import type { TeamInput } from "./add-team";
import { listTeams, type TeamView } from "./list-teams";
import { teamNameTaken, teamNotFound } from "./team-errors";

/** An admin renames a team or changes its topics and whether it is the general team. */
export async function updateTeam(
  deps: { db: Db },
  input: { tenantId: string; teamId: string; team: TeamInput },
): Promise<TeamView> {
  let updated: Array<{ id: string }>;
  try {
    updated = await deps.db
      .update(schema.teams)
      .set({ name: input.team.name, topicIds: input.team.topicIds, isGeneral: input.team.isGeneral })
      .where(and(eq(schema.teams.id, input.teamId), eq(schema.teams.tenantId, input.tenantId)))
      .returning({ id: schema.teams.id });
  } catch (error) {
    if (isUniqueViolation(error)) throw teamNameTaken(input.team.name);
    throw error;
  }
  if (updated.length === 0) throw teamNotFound();
  const team = (await listTeams(deps.db, input.tenantId)).find((t) => t.id === input.teamId);
  if (!team) throw teamNotFound();
  return team;
}
