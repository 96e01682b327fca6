import { type Queryable, schema } from "@omniloket/db";
import { asc, eq } from "drizzle-orm";

export type EmployeeView = {
  id: string;
  name: string;
  email: string;
  roles: string[];
  skillTopicIds: string[];
  languages: string[];
  teamIds: string[];
  active: boolean;
};

/** This municipality's employees as an admin sees them: never a password hash or TOTP secret. */
export async function listEmployees(q: Queryable, tenantId: string): Promise<EmployeeView[]> {
  const e = schema.employees;
  const rows = await q
    .select({
      id: e.id,
      name: e.name,
      email: e.email,
      roles: e.roles,
      skillTopicIds: e.skillTopicIds,
      languages: e.languages,
      active: e.active,
    })
    .from(e)
    .where(eq(e.tenantId, tenantId))
    .orderBy(asc(e.name), asc(e.email));
  const members = await q
    .select({ teamId: schema.teamMembers.teamId, employeeId: schema.teamMembers.employeeId })
    .from(schema.teamMembers)
    .where(eq(schema.teamMembers.tenantId, tenantId));
  return rows.map((row) => ({
    ...row,
    teamIds: members.filter((m) => m.employeeId === row.id).map((m) => m.teamId),
  }));
}
