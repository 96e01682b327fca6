import type { Db } from "@omniloket/db";
import { isUniqueViolation } from "../../platform/unique-violation";
import { createTeam } from "./create-team";
import type { TeamView } from "./list-teams";
import { teamNameTaken } from "./team-errors";

export type TeamInput = { name: string; topicIds: string[]; isGeneral: boolean };

/** An admin adds a team; a name already in use is a conflict. */
export async function addTeam(
  deps: { db: Db },
  input: { tenantId: string; team: TeamInput },
): Promise<TeamView> {
  try {
    const team = await createTeam(deps.db, { tenantId: input.tenantId, ...input.team });
    return {
      id: team.id,
      name: team.name,
      topicIds: team.topicIds,
      isGeneral: team.isGeneral,
      memberIds: [],
    };
  } catch (error) {
    if (isUniqueViolation(error)) throw teamNameTaken(input.team.name);
    throw error;
  }
}
