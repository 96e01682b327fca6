import { type Queryable, schema } from "@omniloket/db";

export async function createTeam(
  q: Queryable,
  input: {
    tenantId: string;
    name: string;
    topicIds: string[];
    isGeneral?: boolean;
    memberEmployeeIds?: string[];
  },
) {
  const [team] = await q
    .insert(schema.teams)
    .values({
      tenantId: input.tenantId,
      name: input.name,
      topicIds: input.topicIds,
      isGeneral: input.isGeneral ?? false,
    })
    .returning();
  if (!team) throw new Error("team insert returned nothing");
  if (input.memberEmployeeIds?.length) {
    await q.insert(schema.teamMembers).values(
      input.memberEmployeeIds.map((employeeId) => ({
        tenantId: input.tenantId,
        teamId: team.id,
        employeeId,
      })),
    );
  }
  return team;
}
