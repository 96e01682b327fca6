import { type Db, schema } from "@omniloket/db";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { notFound } from "../../platform/errors";

/** Work that ran out of retries, for admins to see and retry once the cause is fixed. */
export async function listDeadLetters(deps: { db: Db }, input: { tenantId: string; limit: number }) {
  const o = schema.outbox;
  const rows = await deps.db
    .select({
      id: o.id,
      type: o.type,
      payload: o.payload,
      attempts: o.attempts,
      lastError: o.lastError,
      deadAt: o.deadAt,
      createdAt: o.createdAt,
    })
    .from(o)
    .where(and(eq(o.tenantId, input.tenantId), isNotNull(o.deadAt)))
    .orderBy(desc(o.deadAt))
    .limit(input.limit);
  return rows.map((r) => ({
    id: r.id.toString(),
    type: r.type,
    interactionId: (r.payload as { interactionId?: string }).interactionId ?? null,
    attempts: r.attempts,
    lastError: r.lastError,
    deadAt: r.deadAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Puts a dead letter back in the queue with a fresh set of attempts. */
export async function retryDeadLetter(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; id: string },
) {
  const o = schema.outbox;
  const updated = await deps.db
    .update(o)
    .set({ deadAt: null, attempts: 0, availableAt: deps.clock(), lastError: null })
    .where(and(eq(o.id, BigInt(input.id)), eq(o.tenantId, input.tenantId), isNotNull(o.deadAt)))
    .returning({ id: o.id });
  if (updated.length === 0) throw notFound("Dit bericht op de lijst van onbezorgde berichten");
  return { id: input.id };
}
