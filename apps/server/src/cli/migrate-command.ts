import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";

export async function runMigrate(config: Config): Promise<void> {
  const database = await openDatabase(config);
  await database.close();
  console.log("De database is bijgewerkt.");
}
