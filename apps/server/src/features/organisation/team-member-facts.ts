import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { notFound } from "../../platform/errors";
import { teamNotFound } from "./team-errors";

export type TeamMemberInput = { tenantId: string; teamId: string; employeeId: string };

/** Both the team and the employee must belong to the admin's municipality. */
export async function checkTeamAndEmployee(db: Db, input: TeamMemberInput): Promise<void> {
  const [team] = await db
    .select({ id: schema.teams.id })
    .from(schema.teams)
    .where(and(eq(schema.teams.id, input.teamId), eq(schema.teams.tenantId, input.tenantId)));
  if (!team) throw teamNotFound();
  const [employee] = await db
    .select({ id: schema.employees.id })
    .from(schema.employees)
    .where(and(eq(schema.employees.id, input.employeeId), eq(schema.employees.tenantId, input.tenantId)));
  if (!employee) throw notFound("Deze medewerker");
}
