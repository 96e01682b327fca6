import { randomBytes } from "node:crypto";
import { createEmployee } from "../features/accounts";
import type { Role } from "../platform/auth/roles";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";
import { resolveTenant } from "./resolve-tenant";

export async function runUserAdd(
  config: Config,
  input: { email: string; name: string; roles: Role[]; tenantSlug?: string },
) {
  const database = await openDatabase(config);
  try {
    const tenant = await resolveTenant(database.db, input.tenantSlug);
    const password = randomBytes(12).toString("base64url");
    const employee = await createEmployee(database.db, {
      tenantId: tenant.id,
      name: input.name,
      email: input.email,
      roles: input.roles,
      password,
    });
    console.log(`Medewerker ${employee.email} toegevoegd aan ${tenant.slug}.`);
    console.log(`Wachtwoord (wordt niet opnieuw getoond): ${password}`);
    if (employee.totpSecret) console.log(`TOTP-sleutel voor de authenticator-app: ${employee.totpSecret}`);
  } finally {
    await database.close();
  }
}
