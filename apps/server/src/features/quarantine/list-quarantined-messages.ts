import { type Db, schema } from "@omniloket/db";
import { and, desc, eq, isNull } from "drizzle-orm";

/** A municipality's inbound messages that could not be ingested, newest first, with their reason. */
export async function listQuarantinedMessages(deps: { db: Db }, input: { tenantId: string; limit: number }) {
  const q = schema.quarantinedMessages;
  const rows = await deps.db
    .select()
    .from(q)
    .where(and(eq(q.tenantId, input.tenantId), isNull(q.releasedAt)))
    .orderBy(desc(q.receivedAt))
    .limit(input.limit);
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    reason: r.reason,
    receivedAt: r.receivedAt.toISOString(),
    summary: r.summary as Record<string, unknown>,
  }));
}
