import { type Db, schema } from "@omniloket/db";
import { evaluateShippedClassifier } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { AppError } from "../../platform/errors";
import { type AlgorithmEntry, algorithmRegisterEntries, FILL_IN } from "./algorithm-register";
import { validateRegisterEntries } from "./validate-entries";

/** How the classifier's macro-F1 is measured at export time (the defaults of `omniloket classifier evaluate`). */
export const CLASSIFIER_EVALUATION = { seed: 7, heldOutShare: 0.25 } as const;

type TenantFacts = { name: string; slug: string; settings: unknown };

/** The municipality's name and a generic address of its own (its first email channel address), if any. */
export async function registerTenant(db: Db, slug: string): Promise<TenantFacts> {
  const [tenant] = await db
    .select({ name: schema.tenants.name, slug: schema.tenants.slug, settings: schema.tenants.settings })
    .from(schema.tenants)
    .where(eq(schema.tenants.slug, slug));
  if (!tenant) throw new AppError("unknown-tenant", "not-found", `Gemeente "${slug}" bestaat niet.`);
  return tenant;
}

function contactOf(tenant: TenantFacts | null): string {
  const settings = tenant?.settings as { channels?: { email?: { addresses?: unknown } } } | undefined;
  const addresses = settings?.channels?.email?.addresses;
  const first = Array.isArray(addresses) ? addresses.find((a) => typeof a === "string") : undefined;
  return typeof first === "string"
    ? first
    : `${FILL_IN} algemeen e-mailadres of website voor vragen over algoritmes (geen persoonlijk adres)`;
}

function organizationOf(tenant: TenantFacts | null): string {
  if (!tenant) return `${FILL_IN} naam van de gemeente`;
  return /^gemeente\b/i.test(tenant.name) ? tenant.name : `Gemeente ${tenant.name}`;
}

/**
 * Builds the register entries (every signal rule and the topic classifier, the classifier's macro-F1
 * measured now) and validates them against the copied schema; throws when one is invalid, so an invalid
 * export is never written.
 */
export function exportAlgorithmRegister(input: {
  tenant: TenantFacts | null;
  now: Date;
  startDate?: string;
}): AlgorithmEntry[] {
  const evaluation = evaluateShippedClassifier(CLASSIFIER_EVALUATION);
  const startDate = input.startDate ?? input.now.toISOString().slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(startDate))
    throw new AppError("invalid-start-date", "validation", "De begindatum is een maand: JJJJ-MM.");
  const entries = algorithmRegisterEntries({
    organization: organizationOf(input.tenant).slice(0, 99),
    contact: contactOf(input.tenant),
    startDate,
    classifier: {
      macroF1: evaluation.macroF1,
      accuracy: evaluation.accuracy,
      trainingSize: evaluation.trainingSize,
      heldOutSize: evaluation.heldOutSize,
      ...CLASSIFIER_EVALUATION,
    },
  });
  const problems = validateRegisterEntries(entries);
  if (problems.length > 0)
    throw new Error(`De export voldoet niet aan de publicatiestandaard:\n${problems.join("\n")}`);
  return entries;
}
