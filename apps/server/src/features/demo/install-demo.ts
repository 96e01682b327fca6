import { type Database, schema } from "@omniloket/db";
import {
  DEMO_EMAIL_DOMAIN,
  type GeneratedMunicipality,
  generateMunicipality,
  loadMunicipality,
  writeGroundTruth,
} from "@omniloket/sim";
import { and, arrayContains, eq, like } from "drizzle-orm";
import { hashPassword } from "../accounts/passwords";
import { seedDemoCounters } from "./demo-counters";
import { seedDemoKnowledge } from "./demo-knowledge";

/** Demo only: one password for every demo account, printed only for a demo database. */
export const DEMO_PASSWORD = "voorbeeldstad-demo";
/** Demo only: the demo admin's TOTP key, so the second factor can be tried with any authenticator. */
export const DEMO_ADMIN_TOTP_SECRET = "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD";

export type DemoProgress = (done: number, total: number, stage: string) => void;

export type DemoAccount = { email: string; roles: string[]; totpSecret: string | null };

/**
 * Generates Voorbeeldstad (seeded, so the same seed gives the same municipality), bulk-loads it and
 * gives the demo accounts their demo password. The ground truth goes to a separate file, if asked.
 */
export async function installDemo(
  database: Database,
  options: {
    residents: number;
    months: number;
    seed: number;
    groundTruthPath?: string;
    onProgress?: DemoProgress;
  },
): Promise<{ generated: GeneratedMunicipality; accounts: DemoAccount[]; milliseconds: number }> {
  const started = performance.now();
  const generated = generateMunicipality({
    seed: options.seed,
    residents: options.residents,
    months: options.months,
  });
  await loadMunicipality(database, generated, { onProgress: options.onProgress });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tenantId = generated.tenant.id;
  await database.db
    .update(schema.employees)
    .set({ passwordHash })
    .where(eq(schema.employees.tenantId, tenantId));
  await database.db
    .update(schema.employees)
    .set({ totpSecret: DEMO_ADMIN_TOTP_SECRET })
    .where(and(eq(schema.employees.tenantId, tenantId), arrayContains(schema.employees.roles, ["admin"])));
  await seedDemoKnowledge(database.db, tenantId);
  await seedDemoCounters(database.db, tenantId, new Date());
  if (options.groundTruthPath) await writeGroundTruth(options.groundTruthPath, generated);
  return {
    generated,
    accounts: await listDemoAccounts(database),
    milliseconds: Math.round(performance.now() - started),
  };
}

const demoLogins = ["agent", "backoffice", "casusregisseur", "supervisor", "analist", "privacy", "admin"];

/** The named demo logins (one per role), for printing at start. */
export async function listDemoAccounts(database: Database): Promise<DemoAccount[]> {
  const rows = await database.db
    .select({
      email: schema.employees.email,
      roles: schema.employees.roles,
      totpSecret: schema.employees.totpSecret,
    })
    .from(schema.employees)
    .where(like(schema.employees.email, `%@${DEMO_EMAIL_DOMAIN}`));
  return demoLogins
    .map((local) => rows.find((r) => r.email === `${local}@${DEMO_EMAIL_DOMAIN}`))
    .filter((r): r is DemoAccount => r !== undefined);
}
