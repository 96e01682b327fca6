import { join } from "node:path";
import { createDb, type Database, migrate } from "@omniloket/db";
import type { Config } from "./config";

/** PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in the data directory. */
export async function openDatabase(
  config: Config,
  options: { url?: string } = {},
): Promise<Database & { lock?: { update(extra: { url?: string }): void } }> {
  const database = config.databaseUrl
    ? await createDb({ kind: "postgres", url: config.databaseUrl })
    : await createDb({ kind: "embedded", dataDir: config.dataDir, lockInfo: options });
  await migrate(database);
  return database;
}

export function filesDir(config: Config): string {
  return join(config.dataDir, "files");
}
