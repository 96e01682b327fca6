import type { Db } from "@omniloket/db";
import { resolveTenant } from "../features/organisation";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";
import { runningServerApi } from "./server-or-database";

/**
 * For CLI commands that work on the database directly (no admin API route): opens it, finds the
 * municipality (the only one, or --tenant), runs the work and closes it. Refuses while a server holds
 * the embedded data directory, since only one process may open it.
 */
export async function withTenantDatabase<T>(
  config: Config,
  tenantSlug: string | undefined,
  work: (db: Db, tenantId: string) => Promise<T>,
): Promise<T> {
  if (runningServerApi(config)) {
    throw new Error(
      "De server gebruikt de ingebouwde database; stop de server of gebruik PostgreSQL (DATABASE_URL) om dit commando te draaien.",
    );
  }
  const database = await openDatabase(config);
  try {
    const tenant = await resolveTenant(database.db, tenantSlug);
    return await work(database.db, tenant.id);
  } finally {
    await database.close();
  }
}
