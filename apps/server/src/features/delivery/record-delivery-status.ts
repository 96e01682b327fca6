import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import { publishEvent } from "../../platform/events";

export type DeliveryStatus = "queued" | "sent" | "delivered" | "read" | "failed";

// A later report never moves a message back (a late "sent" after "read").
const rank: Record<DeliveryStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * A channel reports what happened to one of our messages (status callback, bounce). Found by the
 * provider's message id; unknown ids are ignored (providers retry and resend old callbacks).
 */
export async function recordDeliveryStatus(
  deps: { db: Db; clock: () => Date },
  input: {
    tenantId: string;
    channel: string;
    /** The provider's id for the message (status callbacks, bounces), or our own interaction id. */
    providerMessageId?: string;
    interactionId?: string;
    status: DeliveryStatus;
    error?: string;
  },
): Promise<{ found: boolean; questionId?: string }> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: schema.interactions.id,
        questionId: schema.interactions.questionId,
        status: schema.interactions.deliveryStatus,
      })
      .from(schema.interactions)
      .where(
        and(
          eq(schema.interactions.tenantId, input.tenantId),
          eq(schema.interactions.channel, input.channel),
          input.interactionId
            ? eq(schema.interactions.id, input.interactionId)
            : eq(schema.interactions.externalId, input.providerMessageId ?? ""),
          eq(schema.interactions.direction, "outbound"),
        ),
      )
      .for("update");
    if (!row) return { found: false };
    const current = (row.status ?? "queued") as DeliveryStatus;
    if (rank[input.status] <= rank[current] && input.status !== "failed")
      return { found: true, questionId: row.questionId };
    await tx
      .update(schema.interactions)
      .set({ deliveryStatus: input.status, deliveryError: input.error ?? null })
      .where(eq(schema.interactions.id, row.id));
    const [question] = await tx
      .select({ teamId: schema.questions.teamId })
      .from(schema.questions)
      .where(eq(schema.questions.id, row.questionId));
    if (input.status === "failed" && current !== "failed") {
      // A message that did not arrive is a promise not kept: someone must reach the resident another way.
      await tx.insert(schema.tasks).values({
        tenantId: input.tenantId,
        questionId: row.questionId,
        causeInteractionId: row.id,
        kind: "back-office",
        teamId: question?.teamId ?? null,
        dueAt: deps.clock(),
        description: `Ons bericht via ${input.channel} is niet aangekomen. Neem op een andere manier contact op met de inwoner.`,
      });
    }
    await publishEvent(
      tx,
      {
        tenantId: input.tenantId,
        type: "question.changed",
        questionId: row.questionId,
        interactionId: row.id,
        teamId: question?.teamId ?? null,
      },
      deps.clock(),
    );
    return { found: true, questionId: row.questionId };
  });
}
