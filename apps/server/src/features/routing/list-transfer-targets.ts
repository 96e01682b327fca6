import { type Db, schema } from "@omniloket/db";
import type { Presence } from "@omniloket/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import { notFound } from "../../platform/errors";
import { questionAccessFor, tenantTeams } from "../questions";
import { employeeAsPrincipal, targetMayRead, teamMayReceive } from "./target-access";

export type TransferTargets = {
  teams: { id: string; name: string; handlesTopic: boolean }[];
  employees: { id: string; name: string; presence: Presence; teamIds: string[] }[];
};

/**
 * Where the caller may hand a question: the teams and active colleagues `transferQuestion` would
 * accept (the same need-to-know rules), never the caller. Names of colleagues and teams only, no
 * resident's data, so nothing to audit. A question the caller may not see is "not found".
 */
export async function listTransferTargets(
  deps: { db: Db },
  input: { principal: Principal; questionId: string },
): Promise<TransferTargets> {
  const { db } = deps;
  const { principal } = input;
  const [question] = await db
    .select({
      id: schema.questions.id,
      topicId: schema.questions.topicId,
      confidential: schema.questions.confidential,
      teamId: schema.questions.teamId,
    })
    .from(schema.questions)
    .where(and(eq(schema.questions.id, input.questionId), eq(schema.questions.tenantId, principal.tenantId)));
  const loadedTeams = await tenantTeams(db, principal.tenantId);
  const mayRead = await questionAccessFor(db, principal, "contact-handling", loadedTeams);
  if (!question || !mayRead(question)) throw notFound("Deze vraag");

  const teams = await db
    .select({ id: schema.teams.id, name: schema.teams.name, topicIds: schema.teams.topicIds })
    .from(schema.teams)
    .where(eq(schema.teams.tenantId, principal.tenantId))
    .orderBy(asc(schema.teams.name));
  const employees = await db
    .select({
      id: schema.employees.id,
      name: schema.employees.name,
      roles: schema.employees.roles,
      presence: schema.employeePresence.presence,
    })
    .from(schema.employees)
    .leftJoin(schema.employeePresence, eq(schema.employeePresence.employeeId, schema.employees.id))
    .where(and(eq(schema.employees.tenantId, principal.tenantId), eq(schema.employees.active, true)))
    .orderBy(asc(schema.employees.name), asc(schema.employees.id));
  const memberships = await db
    .select({ teamId: schema.teamMembers.teamId, employeeId: schema.teamMembers.employeeId })
    .from(schema.teamMembers)
    .where(eq(schema.teamMembers.tenantId, principal.tenantId));
  const teamIdsOf = new Map<string, string[]>();
  for (const m of memberships)
    teamIdsOf.set(m.employeeId, [...(teamIdsOf.get(m.employeeId) ?? []), m.teamId]);

  const colleagues: TransferTargets["employees"] = [];
  for (const employee of employees) {
    if (principal.kind === "employee" && employee.id === principal.employeeId) continue;
    const teamIds = teamIdsOf.get(employee.id) ?? [];
    const target = employeeAsPrincipal(principal.tenantId, employee, teamIds);
    if (!(await targetMayRead(db, target, question, loadedTeams))) continue;
    colleagues.push({
      id: employee.id,
      name: employee.name,
      presence: employee.presence ?? "offline",
      teamIds,
    });
  }
  return {
    teams: teams
      .filter((team) => teamMayReceive(question, team))
      .map((team) => ({
        id: team.id,
        name: team.name,
        handlesTopic: question.topicId !== null && team.topicIds.includes(question.topicId),
      })),
    employees: colleagues,
  };
}
