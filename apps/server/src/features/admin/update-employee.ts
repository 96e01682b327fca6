import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import type { Role } from "../../platform/auth/roles";
import { AppError, notFound } from "../../platform/errors";
import { type EmployeeView, listEmployees } from "./list-employees";

export type EmployeeChanges = { roles: Role[]; skillTopicIds: string[]; languages: string[] };

/**
 * An admin changes an employee's roles and routing skills. Two guards: an admin cannot take the admin
 * role from themselves (the municipality could lock itself out), and only an account that already has
 * a second factor can become an admin (admins always log in with one).
 */
export async function updateEmployee(
  deps: { db: Db },
  input: { principal: Principal; employeeId: string; changes: EmployeeChanges },
): Promise<EmployeeView> {
  const { tenantId } = input.principal;
  const e = schema.employees;
  const [current] = await deps.db
    .select({ id: e.id, roles: e.roles, hasTotp: e.totpSecret })
    .from(e)
    .where(and(eq(e.id, input.employeeId), eq(e.tenantId, tenantId)));
  if (!current) throw notFound("Deze medewerker");
  const roles = [...new Set(input.changes.roles)];
  const isSelf = input.principal.kind === "employee" && input.principal.employeeId === current.id;
  if (isSelf && current.roles.includes("admin") && !roles.includes("admin")) {
    throw new AppError(
      "own-admin-role",
      "conflict",
      "U kunt uw eigen rol beheerder niet weghalen. Vraag een andere beheerder om dat te doen.",
      [{ name: "roles", code: "own-admin-role", reason: "Uw eigen rol beheerder blijft staan." }],
    );
  }
  if (roles.includes("admin") && !current.roles.includes("admin") && !current.hasTotp) {
    throw new AppError(
      "admin-needs-second-factor",
      "conflict",
      "Een beheerder logt altijd in met een tweede factor, en dit account heeft die niet. Maak een nieuw account aan met de rol beheerder.",
      [{ name: "roles", code: "admin-needs-second-factor", reason: "Dit account heeft geen tweede factor." }],
    );
  }
  await deps.db
    .update(e)
    .set({
      roles,
      skillTopicIds: [...new Set(input.changes.skillTopicIds)],
      languages: [...new Set(input.changes.languages)],
    })
    .where(and(eq(e.id, current.id), eq(e.tenantId, tenantId)));
  const saved = (await listEmployees(deps.db, tenantId)).find((row) => row.id === current.id);
  if (!saved) throw notFound("Deze medewerker");
  return saved;
}
