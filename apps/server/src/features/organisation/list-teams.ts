import { type Queryable, schema } from "@omniloket/db";
import { asc, eq } from "drizzle-orm";

export type TeamView = {
  id: string;
  name: string;
  topicIds: string[];
  isGeneral: boolean;
  memberIds: string[];
};

/** This municipality's teams with their topics and members, by name. */
export async function listTeams(q: Queryable, tenantId: string): Promise<TeamView[]> {
  const teams = await q
    .select({
      id: schema.teams.id,
      name: schema.teams.name,
      topicIds: schema.teams.topicIds,
      isGeneral: schema.teams.isGeneral,
    })
    .from(schema.teams)
    .where(eq(schema.teams.tenantId, tenantId))
    .orderBy(asc(schema.teams.name));
  const members = await q
    .select({ teamId: schema.teamMembers.teamId, employeeId: schema.teamMembers.employeeId })
    .from(schema.teamMembers)
    .where(eq(schema.teamMembers.tenantId, tenantId));
  return teams.map((team) => ({
    ...team,
    memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.employeeId),
  }));
}
