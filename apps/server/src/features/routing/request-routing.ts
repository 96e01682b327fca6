import type { Queryable } from "@omniloket/db";
import { sql } from "drizzle-orm";

/** NOTIFY channel on which the routing worker hears that a municipality's routing may have changed. */
export const ROUTING_CHANNEL = "omniloket_routing";

/**
 * Asks the routing workers to run for this municipality once the caller's transaction commits (for
 * changes that are not a live event, such as an employee becoming available). Carries the tenant id only.
 */
export async function requestRouting(q: Queryable, tenantId: string): Promise<void> {
  await q.execute(sql`SELECT pg_notify(${ROUTING_CHANNEL}, ${tenantId})`);
}
