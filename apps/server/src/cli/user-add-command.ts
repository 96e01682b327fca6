import { addEmployee } from "../features/accounts";
import { resolveTenant } from "../features/organisation";
import type { Role } from "../platform/auth/roles";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";
import { runningServerApi } from "./server-or-database";

type Added = { email: string; password: string; totpSecret: string | null };

export async function runUserAdd(
  config: Config,
  input: { email: string; name: string; roles: Role[]; tenantSlug?: string },
) {
  const server = runningServerApi(config);
  let added: Added;
  if (server) {
    added = await server.post<Added>("/employees", {
      tenant: input.tenantSlug,
      email: input.email,
      name: input.name,
      roles: input.roles,
    });
  } else {
    const database = await openDatabase(config);
    try {
      const tenant = await resolveTenant(database.db, input.tenantSlug);
      added = await addEmployee(database.db, {
        tenantId: tenant.id,
        name: input.name,
        email: input.email,
        roles: input.roles,
      });
    } finally {
      await database.close();
    }
  }
  console.log(`Medewerker ${added.email} toegevoegd.`);
  console.log(`Wachtwoord (wordt niet opnieuw getoond): ${added.password}`);
  if (added.totpSecret) console.log(`TOTP-sleutel voor de authenticator-app: ${added.totpSecret}`);
}
