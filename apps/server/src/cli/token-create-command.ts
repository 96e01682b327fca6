import { createApiToken } from "../features/accounts";
import type { Role } from "../platform/auth/roles";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";
import { resolveTenant } from "./resolve-tenant";

export async function runTokenCreate(
  config: Config,
  input: { name: string; roles: Role[]; tenantSlug?: string },
) {
  const database = await openDatabase(config);
  try {
    const tenant = await resolveTenant(database.db, input.tenantSlug);
    const { token } = await createApiToken(database.db, {
      tenantId: tenant.id,
      name: input.name,
      roles: input.roles,
    });
    console.log(
      `Toegangstoken voor "${input.name}" (${tenant.slug}); bewaar het veilig, het wordt niet opnieuw getoond:`,
    );
    console.log(token);
  } finally {
    await database.close();
  }
}
