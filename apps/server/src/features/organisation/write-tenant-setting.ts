import { type Queryable, schema } from "@omniloket/db";
import { eq, sql } from "drizzle-orm";

/**
 * Replaces one value in a tenant's settings (jsonb) at a path of one or two keys, such as
 * ["serviceNorms"] or ["routing", "weights"], leaving every other setting as it was.
 */
export async function writeTenantSetting(
  db: Queryable,
  tenantId: string,
  path: readonly [string] | readonly [string, string],
  value: unknown,
): Promise<void> {
  const base = sql`coalesce(${schema.tenants.settings}, '{}'::jsonb)`;
  const [first] = path;
  const withParent =
    path.length === 2
      ? sql`jsonb_set(${base}, ${`{${first}}`}::text[], coalesce(${base} -> ${first}, '{}'::jsonb))`
      : base;
  await db
    .update(schema.tenants)
    .set({
      settings: sql`jsonb_set(${withParent}, ${`{${path.join(",")}}`}::text[], ${JSON.stringify(value)}::jsonb)`,
    })
    .where(eq(schema.tenants.id, tenantId));
}
