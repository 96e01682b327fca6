import { writeFileSync } from "node:fs";
import { exportAlgorithmRegister, registerTenant } from "../features/algorithms";
import type { Config } from "../platform/config";
import { openDatabase } from "../platform/open-database";
import { runningServerApi } from "./server-or-database";

/**
 * `omniloket algorithms export`: Algoritmeregister entries (publicatiestandaard 1.0.0) for every signal
 * rule and the topic classifier, validated against the schema, as a JSON array to a file or stdout.
 * Without --tenant no database is opened and the organisation and contact are left for the municipality.
 */
export async function runAlgorithmsExport(
  config: Config,
  input: { out?: string; tenantSlug?: string; startDate?: string },
  print: (line: string) => void = console.log,
) {
  let tenant = null;
  if (input.tenantSlug) {
    if (runningServerApi(config)) {
      throw new Error(
        "De server gebruikt de ingebouwde database; stop de server of gebruik PostgreSQL (DATABASE_URL) om dit commando met --tenant te draaien.",
      );
    }
    const database = await openDatabase(config);
    try {
      tenant = await registerTenant(database.db, input.tenantSlug);
    } finally {
      await database.close();
    }
  }
  const entries = exportAlgorithmRegister({ tenant, now: new Date(), startDate: input.startDate });
  const json = `${JSON.stringify(entries, null, 2)}\n`;
  if (input.out) {
    writeFileSync(input.out, json);
    print(
      `${entries.length} registraties (publicatiestandaard 1.0.0, gevalideerd) geschreven naar ${input.out}. Vul de velden met "[IN TE VULLEN DOOR DE GEMEENTE]" aan voor publicatie.`,
    );
  } else process.stdout.write(json);
  return entries;
}
