import { type Queryable, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { isRole } from "../../platform/auth/roles";
import { questionAccessFor } from "../questions";
import { employeeNotFound } from "./routing.errors";

/**
 * The employee who would receive a question, as a principal, so need-to-know is the same rule
 * (`questionAccessFor`) whether they open the question themselves or someone hands it to them.
 */
export async function targetEmployee(q: Queryable, tenantId: string, employeeId: string): Promise<Principal> {
  const [employee] = await q
    .select({ id: schema.employees.id, roles: schema.employees.roles })
    .from(schema.employees)
    .where(
      and(
        eq(schema.employees.id, employeeId),
        eq(schema.employees.tenantId, tenantId),
        eq(schema.employees.active, true),
      ),
    );
  if (!employee) throw employeeNotFound();
  const teams = await q
    .select({ teamId: schema.teamMembers.teamId })
    .from(schema.teamMembers)
    .where(and(eq(schema.teamMembers.employeeId, employee.id), eq(schema.teamMembers.tenantId, tenantId)));
  return {
    kind: "employee",
    tenantId,
    employeeId: employee.id,
    roles: employee.roles.filter(isRole),
    teamIds: teams.map((t) => t.teamId),
    sessionTokenHash: "",
    csrfToken: "",
  };
}

/** Whether the target employee may see the question for contact handling (need-to-know). */
export async function targetMayRead(
  q: Queryable,
  target: Principal,
  question: { topicId: string | null; confidential: boolean; teamId: string | null },
): Promise<boolean> {
  const mayRead = await questionAccessFor(q, target, "contact-handling");
  return mayRead(question);
}
