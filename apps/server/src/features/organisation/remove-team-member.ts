import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { checkTeamAndEmployee, type TeamMemberInput } from "./team-member-facts";

/** Takes an employee out of a team; removing a non-member changes nothing. */
export async function removeTeamMember(deps: { db: Db }, input: TeamMemberInput): Promise<void> {
  await checkTeamAndEmployee(deps.db, input);
  await deps.db
    .delete(schema.teamMembers)
    .where(
      and(
        eq(schema.teamMembers.tenantId, input.tenantId),
        eq(schema.teamMembers.teamId, input.teamId),
        eq(schema.teamMembers.employeeId, input.employeeId),
      ),
    );
}
