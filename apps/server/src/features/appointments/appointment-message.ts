import { randomUUID } from "node:crypto";
import { type Queryable, schema } from "@omniloket/db";
import { chooseReplyChannel, isDigitalReplyChannel } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { publishEvent } from "../../platform/events";
import { loadReplyFacts } from "../replies";

const WHATSAPP_WINDOW_MS = 24 * 3_600_000;
/** The approved WhatsApp template for appointment messages outside the 24-hour window. */
export const APPOINTMENT_WHATSAPP_TEMPLATE = "afspraak_balie";

export type AppointmentMessageKind = "confirmation" | "cancellation" | "reschedule" | "reminder";

type Question = {
  id: string;
  tenantId: string;
  residentPartyId: string | null;
  topicId: string | null;
  replyChannel: string | null;
  teamId: string | null;
};

/**
 * A message about an appointment, written into the appointment's question like any reply: the reply
 * rule picks the channel (the resident's choice for the question, their preference, the channel they
 * used last), and a digital channel gets an outbound interaction, its reply decision and an outbox row
 * (`message.send`, delivered with retries). Without a digital channel (no digital contact, or only
 * phone or letter) the message is an outbound interaction on "portal": it shows in Mijn gemeente and
 * in the question, and nothing is sent. `text` is chosen in the resident's language by the caller.
 */
export async function writeAppointmentMessage(
  tx: Queryable,
  input: {
    question: Question;
    kind: AppointmentMessageKind;
    appointmentId: string;
    now: Date;
    text: (language: string) => { subject: string; text: string };
  },
): Promise<{ interactionId: string; channel: string; sent: boolean }> {
  const { question, now } = input;
  const { facts, addresses, lastWhatsappInboundAt, language } = await loadReplyFacts(tx, question);
  const choice = chooseReplyChannel(facts);
  const digital = choice.channel !== null && isDigitalReplyChannel(choice.channel) && !facts.noDigitalContact;
  const to = digital && choice.channel ? addresses[choice.channel] : undefined;
  const channel = to && choice.channel ? choice.channel : "portal";
  const whatsappClosed =
    channel === "whatsapp" &&
    (lastWhatsappInboundAt === null || now.getTime() - lastWhatsappInboundAt.getTime() >= WHATSAPP_WINDOW_MS);
  const { subject, text } = input.text(language);
  const interactionId = randomUUID();
  const messageId = channel === "email" ? `<${interactionId}@omniloket>` : null;
  const sent = channel !== "portal";
  await tx.insert(schema.interactions).values({
    id: interactionId,
    tenantId: question.tenantId,
    questionId: question.id,
    channel,
    direction: "outbound",
    occurredAt: now,
    receivedAt: now,
    subject,
    text,
    language,
    externalId: messageId,
    threadKey: messageId,
    deliveryStatus: sent ? "queued" : null,
    metadata: {
      kind: `appointment-${input.kind}`,
      appointmentId: input.appointmentId,
      ...(whatsappClosed ? { template: APPOINTMENT_WHATSAPP_TEMPLATE } : {}),
    },
  });
  if (question.residentPartyId) {
    await tx.insert(schema.interactionParties).values({
      tenantId: question.tenantId,
      interactionId,
      partyId: question.residentPartyId,
      timelinePartyId: question.residentPartyId,
      role: "resident",
      initiator: false,
      occurredAt: now,
    });
  }
  await tx.insert(schema.replyDecisions).values({
    tenantId: question.tenantId,
    questionId: question.id,
    interactionId,
    suggestedChannel: choice.channel,
    suggestionReason: choice.reason,
    chosenChannel: channel,
    createdAt: now,
  });
  if (sent && to) {
    await tx.insert(schema.outbox).values({
      tenantId: question.tenantId,
      type: "message.send",
      payload: { interactionId, to },
      idempotencyKey: `message.send:${interactionId}`,
      createdAt: now,
    });
  }
  await tx.update(schema.questions).set({ lastActivityAt: now }).where(eq(schema.questions.id, question.id));
  await publishEvent(
    tx,
    {
      tenantId: question.tenantId,
      type: "question.changed",
      questionId: question.id,
      interactionId,
      teamId: question.teamId,
    },
    now,
  );
  return { interactionId, channel, sent };
}
