import { type Db, schema } from "@omniloket/db";
import { checkTeamAndEmployee, type TeamMemberInput } from "./team-member-facts";

/** Makes an employee a member of a team; adding a member twice changes nothing. */
export async function addTeamMember(deps: { db: Db }, input: TeamMemberInput): Promise<void> {
  await checkTeamAndEmployee(deps.db, input);
  await deps.db.insert(schema.teamMembers).values(input).onConflictDoNothing();
}
