import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { AppError } from "../../platform/errors";

/** The tenant named by slug, or the only one; a clear error otherwise. */
export async function resolveTenant(db: Db, slug?: string): Promise<{ id: string; slug: string }> {
  const columns = { id: schema.tenants.id, slug: schema.tenants.slug };
  const rows = slug
    ? await db.select(columns).from(schema.tenants).where(eq(schema.tenants.slug, slug))
    : await db.select(columns).from(schema.tenants);
  const [only] = rows;
  if (rows.length === 1 && only) return only;
  if (rows.length === 0) {
    throw new AppError(
      "unknown-tenant",
      "not-found",
      slug
        ? `Gemeente "${slug}" bestaat niet.`
        : "Er is nog geen gemeente. Voeg er een toe met `omniloket tenant add`.",
    );
  }
  throw new AppError(
    "ambiguous-tenant",
    "validation",
    `Er zijn meerdere gemeenten; kies er een met --tenant (${rows.map((r) => r.slug).join(", ")}).`,
    [{ name: "tenant", code: "required", reason: "Kies een gemeente." }],
  );
}
