import { type Queryable, schema } from "@omniloket/db";
import { normaliseEmail } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { invalidInput } from "../../platform/errors";

/** A visitor's email address, normalised, or a 400 naming the field. */
export function visitorEmail(input: string, field = "email"): string {
  const result = normaliseEmail(input);
  if (!result.ok)
    throw invalidInput(
      [{ name: field, code: "invalid-email", reason: "Vul een geldig e-mailadres in." }],
      "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
    );
  return result.value;
}

/** "Voorbeeldstad" for "Gemeente Voorbeeldstad": how the municipality is named in the chat's emails. */
export async function municipalityName(q: Queryable, tenantId: string): Promise<string> {
  const [tenant] = await q
    .select({ name: schema.tenants.name })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  return (tenant?.name ?? "").replace(/^gemeente\s+/i, "").trim();
}
