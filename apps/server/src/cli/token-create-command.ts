import { createApiToken } from "../features/accounts";
import { resolveTenant } from "../features/organisation";
import type { Role } from "../platform/auth/roles";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";
import { runningServerApi } from "./server-or-database";

export async function runTokenCreate(
  config: Config,
  input: { name: string; roles: Role[]; tenantSlug?: string },
) {
  const server = runningServerApi(config);
  let token: string;
  if (server) {
    ({ token } = await server.post<{ token: string }>("/api-tokens", {
      tenant: input.tenantSlug,
      name: input.name,
      roles: input.roles,
    }));
  } else {
    const database = await openDatabase(config);
    try {
      const tenant = await resolveTenant(database.db, input.tenantSlug);
      ({ token } = await createApiToken(database.db, {
        tenantId: tenant.id,
        name: input.name,
        roles: input.roles,
      }));
    } finally {
      await database.close();
    }
  }
  console.log(`Toegangstoken voor "${input.name}"; bewaar het veilig, het wordt niet opnieuw getoond:`);
  console.log(token);
}
