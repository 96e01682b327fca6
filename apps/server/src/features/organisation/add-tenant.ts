import type { Db } from "@omniloket/db";
import { createTeam } from "./create-team";
import { createTenant } from "./create-tenant";

/** A new municipality with a general team, so contacts with an unknown topic have somewhere to go. */
export async function addTenant(db: Db, input: { slug: string; name: string; oin?: string }) {
  return db.transaction(async (tx) => {
    const tenant = await createTenant(tx, input);
    const team = await createTeam(tx, {
      tenantId: tenant.id,
      name: "Klantcontactcentrum",
      topicIds: [],
      isGeneral: true,
    });
    return { id: tenant.id, slug: tenant.slug, name: tenant.name, generalTeamId: team.id };
  });
}
