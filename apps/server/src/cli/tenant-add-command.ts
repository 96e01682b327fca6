import { addTenant } from "../features/organisation";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";
import { runningServerApi } from "./server-or-database";

export async function runTenantAdd(config: Config, input: { slug: string; name: string; oin?: string }) {
  const server = runningServerApi(config);
  let tenant: { slug: string; name: string };
  if (server) {
    tenant = await server.post("/tenants", input);
  } else {
    const database = await openDatabase(config);
    try {
      tenant = await addTenant(database.db, input);
    } finally {
      await database.close();
    }
  }
  console.log(
    `Gemeente ${tenant.name} (${tenant.slug}) toegevoegd, met een algemeen team Klantcontactcentrum.`,
  );
}
