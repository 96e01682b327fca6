import { type Queryable, schema } from "@omniloket/db";

export async function createTenant(
  q: Queryable,
  input: { slug: string; name: string; oin?: string; id?: string },
) {
  const [row] = await q
    .insert(schema.tenants)
    .values({
      ...(input.id ? { id: input.id } : {}),
      slug: input.slug,
      name: input.name,
      oin: input.oin ?? null,
    })
    .returning();
  if (!row) throw new Error("tenant insert returned nothing");
  return row;
}
