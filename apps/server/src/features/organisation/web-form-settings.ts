import type { Queryable } from "@omniloket/db";
import { schema } from "@omniloket/db";
import { eq } from "drizzle-orm";

/** Web forms this municipality switched off (`settings.webforms.disabled`); all others are on. */
export async function disabledWebForms(q: Queryable, tenantId: string): Promise<string[]> {
  const [row] = await q
    .select({ settings: schema.tenants.settings })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  const disabled = (row?.settings as { webforms?: { disabled?: unknown } } | null)?.webforms?.disabled;
  return Array.isArray(disabled) ? disabled.filter((id): id is string => typeof id === "string") : [];
}
