import { randomUUID } from "node:crypto";
import { type Queryable, schema } from "@omniloket/db";

export type OutboundContact = {
  tenantId: string;
  questionId: string;
  residentPartyId: string | null;
  channel: string;
  subject: string | null;
  text: string;
  language: string;
  now: Date;
  employeeId?: string | null;
  metadata?: Record<string, unknown>;
  /** Where the message goes; null when nothing is sent (a call, a letter, a note shown in the portal). */
  to: string | null;
  /** The text as sent, when it differs from the one kept (e.g. a follow code masked in the history). */
  sentText?: string;
  /** What the reply rule suggested and why, recorded so the suggestion's effect can be measured. */
  decision: { suggestedChannel: string | null; suggestionReason: string; overrideReason?: string | null };
};

/**
 * What the municipality says to a resident, written into their question in the caller's transaction:
 * the outbound interaction on the resident's timeline, its reply decision, and, when it is sent, an
 * outbox row (`message.send`) that delivery sends with retries. An email gets its own Message-ID, so a
 * reply to it threads into the same question.
 */
export async function recordOutboundContact(
  tx: Queryable,
  m: OutboundContact,
): Promise<{ interactionId: string; messageId: string | null }> {
  const interactionId = randomUUID();
  const messageId = m.channel === "email" ? `<${interactionId}@omniloket>` : null;
  const employeeId = m.employeeId ?? null;
  await tx.insert(schema.interactions).values({
    id: interactionId,
    tenantId: m.tenantId,
    questionId: m.questionId,
    channel: m.channel,
    direction: "outbound",
    occurredAt: m.now,
    receivedAt: m.now,
    subject: m.subject,
    text: m.text,
    language: m.language,
    externalId: messageId,
    threadKey: messageId,
    employeeId,
    deliveryStatus: m.to !== null ? "queued" : null,
    metadata: m.metadata ?? {},
  });
  if (m.residentPartyId) {
    await tx.insert(schema.interactionParties).values({
      tenantId: m.tenantId,
      interactionId,
      partyId: m.residentPartyId,
      timelinePartyId: m.residentPartyId,
      role: "resident",
      initiator: false,
      occurredAt: m.now,
    });
  }
  await tx.insert(schema.replyDecisions).values({
    tenantId: m.tenantId,
    questionId: m.questionId,
    interactionId,
    suggestedChannel: m.decision.suggestedChannel,
    suggestionReason: m.decision.suggestionReason,
    chosenChannel: m.channel,
    overrideReason: m.decision.overrideReason ?? null,
    employeeId,
    createdAt: m.now,
  });
  if (m.to !== null) {
    await tx.insert(schema.outbox).values({
      tenantId: m.tenantId,
      type: "message.send",
      payload: { interactionId, to: m.to, ...(m.sentText ? { sentText: m.sentText } : {}) },
      idempotencyKey: `message.send:${interactionId}`,
      createdAt: m.now,
    });
  }
  return { interactionId, messageId };
}
