import { type Queryable, schema } from "@omniloket/db";
import { Secret } from "otpauth";
import type { Role } from "../../platform/auth/roles";
import { weakPassword } from "./accounts.errors";
import { hashPassword } from "./passwords";

export type CreateEmployeeInput = {
  tenantId: string;
  name: string;
  email: string;
  roles: Role[];
  password: string | null;
  /** Give a TOTP secret; always true for admins (their second factor is required). */
  withTotp?: boolean;
  teamIds?: string[];
};

/** A local account with an argon2id password hash; admins always get a TOTP secret. */
export async function createEmployee(q: Queryable, input: CreateEmployeeInput) {
  if (input.password !== null && input.password.length < 12) throw weakPassword();
  const totpSecret = input.withTotp || input.roles.includes("admin") ? new Secret({ size: 20 }).base32 : null;
  const [employee] = await q
    .insert(schema.employees)
    .values({
      tenantId: input.tenantId,
      name: input.name,
      email: input.email.trim().toLowerCase(),
      roles: input.roles,
      passwordHash: input.password === null ? null : await hashPassword(input.password),
      totpSecret,
    })
    .returning({ id: schema.employees.id, email: schema.employees.email });
  if (!employee) throw new Error("employee insert returned nothing");
  if (input.teamIds?.length) {
    await q
      .insert(schema.teamMembers)
      .values(input.teamIds.map((teamId) => ({ tenantId: input.tenantId, teamId, employeeId: employee.id })));
  }
  return { ...employee, totpSecret };
}
