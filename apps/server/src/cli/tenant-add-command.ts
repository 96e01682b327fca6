import { createTenant } from "../features/organisation";
import { createTeam } from "../features/organisation";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";

/** Adds a municipality with a general team, so contacts with an unknown topic have somewhere to go. */
export async function runTenantAdd(config: Config, input: { slug: string; name: string; oin?: string }) {
  const database = await openDatabase(config);
  try {
    const tenant = await createTenant(database.db, input);
    await createTeam(database.db, { tenantId: tenant.id, name: "Klantcontactcentrum", topicIds: [], isGeneral: true });
    console.log(`Gemeente ${tenant.name} (${tenant.slug}) toegevoegd, met een algemeen team Klantcontactcentrum.`);
  } finally {
    await database.close();
  }
}
