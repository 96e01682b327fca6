import { type Queryable, schema } from "@omniloket/db";
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { LiveEvent } from "../../platform/events";
import type { LiveDelivery } from "./live-delivery";
import { loadQuestionFacts } from "./question-facts";

/** Outbox row types that browsers hear about, and the live event each becomes. */
const LIVE_TYPE_OF_OUTBOX: Record<string, LiveEvent["type"]> = {
  "interaction.received": "interaction.created",
  "question.changed": "question.changed",
  "task.changed": "task.changed",
  "call.answered": "call.answered",
  "chat.message": "chat.message",
};

type OutboxPayload = {
  questionId?: unknown;
  interactionId?: unknown;
  taskId?: unknown;
  employeeId?: unknown;
  partyId?: unknown;
};

const asString = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * The tenant's events after `afterId` from the outbox, oldest first, at most `limit` (the newest
 * ones). `truncated` says more were missed, so the client should reload instead of patching.
 */
export async function replayEvents(
  q: Queryable,
  input: { tenantId: string; afterId: bigint; limit: number },
): Promise<{ deliveries: LiveDelivery[]; truncated: boolean }> {
  const outbox = schema.outbox;
  const rows = await q
    .select({ id: outbox.id, type: outbox.type, payload: outbox.payload })
    .from(outbox)
    .where(
      and(
        eq(outbox.tenantId, input.tenantId),
        gt(outbox.id, input.afterId),
        inArray(outbox.type, Object.keys(LIVE_TYPE_OF_OUTBOX)),
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(input.limit + 1);
  const truncated = rows.length > input.limit;
  const kept = rows.slice(0, input.limit).reverse();

  const events = kept.flatMap((row) => {
    const payload = (row.payload ?? {}) as OutboxPayload;
    const questionId = asString(payload.questionId);
    const type = LIVE_TYPE_OF_OUTBOX[row.type];
    if (!questionId || !type) return [];
    return [
      {
        eventId: row.id.toString(),
        tenantId: input.tenantId,
        type,
        questionId,
        interactionId: asString(payload.interactionId),
        taskId: asString(payload.taskId),
        employeeId: asString(payload.employeeId),
        partyId: asString(payload.partyId),
      },
    ];
  });
  const facts = await loadQuestionFacts(
    q,
    input.tenantId,
    events.map((e) => e.questionId),
  );
  return {
    deliveries: events.map((e) => ({ ...e, question: facts.get(e.questionId) ?? null })),
    truncated,
  };
}
