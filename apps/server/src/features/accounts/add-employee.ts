import { randomBytes } from "node:crypto";
import type { Queryable } from "@omniloket/db";
import { type CreateEmployeeInput, createEmployee } from "./create-employee";

/** Adds an employee with a random one-time password, returned once to whoever adds them. */
export async function addEmployee(q: Queryable, input: Omit<CreateEmployeeInput, "password">) {
  const password = randomBytes(12).toString("base64url");
  const employee = await createEmployee(q, { ...input, password });
  return { id: employee.id, email: employee.email, password, totpSecret: employee.totpSecret };
}
