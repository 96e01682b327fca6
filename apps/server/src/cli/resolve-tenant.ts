import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";

/** The tenant named by slug, or the only one; a clear error otherwise. */
export async function resolveTenant(db: Db, slug?: string): Promise<{ id: string; slug: string }> {
  const rows = slug
    ? await db
        .select({ id: schema.tenants.id, slug: schema.tenants.slug })
        .from(schema.tenants)
        .where(eq(schema.tenants.slug, slug))
    : await db.select({ id: schema.tenants.id, slug: schema.tenants.slug }).from(schema.tenants);
  const [only] = rows;
  if (rows.length === 1 && only) return only;
  if (rows.length === 0)
    throw new Error(
      slug
        ? `Gemeente "${slug}" bestaat niet.`
        : "Er is nog geen gemeente. Start eerst met `omniloket start` of `omniloket seed`.",
    );
  throw new Error(
    `Er zijn meerdere gemeenten; kies er een met --tenant (${rows.map((r) => r.slug).join(", ")}).`,
  );
}
