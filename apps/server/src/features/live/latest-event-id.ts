import { type Queryable, schema } from "@omniloket/db";
import { desc, eq } from "drizzle-orm";

/** The tenant's newest outbox id, or null: where a fresh stream starts, so it can resume later. */
export async function latestEventId(q: Queryable, tenantId: string): Promise<string | null> {
  const [row] = await q
    .select({ id: schema.outbox.id })
    .from(schema.outbox)
    .where(eq(schema.outbox.tenantId, tenantId))
    .orderBy(desc(schema.outbox.id))
    .limit(1);
  return row ? row.id.toString() : null;
}
