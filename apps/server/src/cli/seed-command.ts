import { schema } from "@omniloket/db";
import { DEMO_PASSWORD, listDemoAccounts } from "../features/demo";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";
import { demoProgressReporter, loadDemoWithProgress, printDemoAccounts } from "./demo";
import { runningServerApi } from "./server-or-database";

/**
 * `omniloket seed`: loads a synthetic municipality. Allowed on the embedded database, and on PostgreSQL
 * only with --demo, because it adds demo accounts with a known password.
 */
export async function runSeed(
  config: Config,
  input: { residents: number; months: number; seed: number; groundTruthPath?: string; demo: boolean },
): Promise<void> {
  for (const [name, value] of Object.entries({
    residents: input.residents,
    months: input.months,
    seed: input.seed,
  })) {
    if (!Number.isInteger(value) || value < (name === "seed" ? 0 : 1))
      throw new Error(`--${name} moet een positief geheel getal zijn.`);
  }
  if (config.databaseUrl && !input.demo && config.demo !== true) {
    throw new Error(
      "Demodata op PostgreSQL alleen met --demo (of OMNILOKET_DEMO=1): het voegt accounts toe met een bekend wachtwoord.",
    );
  }
  const server = runningServerApi(config);
  if (server) {
    // The running server holds the embedded data directory: it loads the demo and reports progress.
    const progress = demoProgressReporter();
    const { demo: _, ...options } = input;
    await server.stream("/demo", options, (line) => {
      if (line.finished)
        progress.done(line as { parties: number; interactions: number; milliseconds: number });
      else progress.onProgress(Number(line.done), Number(line.total), String(line.stage));
    });
    console.log(`De demo-accounts hebben allemaal het wachtwoord ${DEMO_PASSWORD}.`);
    return;
  }
  const database = await openDatabase(config);
  try {
    const existing = await database.db.select({ slug: schema.tenants.slug }).from(schema.tenants);
    if (existing.some((t) => t.slug === "voorbeeldstad")) {
      throw new Error("Voorbeeldstad is al geladen in deze database. Kies een lege database of datamap.");
    }
    await loadDemoWithProgress(database, input);
    printDemoAccounts(await listDemoAccounts(database));
  } finally {
    await database.close();
  }
}
