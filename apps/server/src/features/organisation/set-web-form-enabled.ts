import type { Db } from "@omniloket/db";
import { sql } from "drizzle-orm";
import { disabledWebForms } from "./web-form-settings";
import { writeTenantSetting } from "./write-tenant-setting";

/** Switches one web form on or off for this municipality; the caller checks the form exists. */
export async function setWebFormEnabled(
  deps: { db: Db },
  input: { tenantId: string; formId: string; enabled: boolean },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    // Lock the tenant row, so two admins switching forms at once do not undo each other.
    await tx.execute(sql`SELECT 1 FROM tenants WHERE id = ${input.tenantId}::uuid FOR UPDATE`);
    const disabled = new Set(await disabledWebForms(tx, input.tenantId));
    if (input.enabled) disabled.delete(input.formId);
    else disabled.add(input.formId);
    await writeTenantSetting(tx, input.tenantId, ["webforms", "disabled"], [...disabled].sort());
  });
}
