import { type Queryable, schema } from "@omniloket/db";
import { defaultSensitiveTopicIds } from "@omniloket/domain";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { isRole } from "../../platform/auth/roles";
import { questionAccessFor, type TenantTeams } from "../questions";
import { employeeNotFound } from "./routing.errors";

/** An employee as a principal, so need-to-know is the same rule whether they open a question or receive it. */
export function employeeAsPrincipal(
  tenantId: string,
  employee: { id: string; roles: readonly string[] },
  teamIds: readonly string[],
): Principal {
  return {
    kind: "employee",
    tenantId,
    employeeId: employee.id,
    roles: employee.roles.filter(isRole),
    teamIds: [...teamIds],
    sessionTokenHash: "",
    csrfToken: "",
  };
}

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
  return employeeAsPrincipal(
    tenantId,
    employee,
    teams.map((t) => t.teamId),
  );
}

/**
 * Whether the target employee may see the question for contact handling (need-to-know). `teams` are
 * the municipality's teams when the caller has them already (checking many targets at once).
 */
export async function targetMayRead(
  q: Queryable,
  target: Principal,
  question: { topicId: string | null; confidential: boolean; teamId: string | null },
  teams?: TenantTeams,
): Promise<boolean> {
  const mayRead = await questionAccessFor(q, target, "contact-handling", teams);
  return mayRead(question);
}

/** A question on a sensitive topic only goes to a team that handles that topic (need-to-know). */
export function teamMayReceive(question: { topicId: string | null }, team: { topicIds: readonly string[] }) {
  const topicId = question.topicId;
  if (topicId === null || !defaultSensitiveTopicIds.includes(topicId)) return true;
  return team.topicIds.includes(topicId);
}
