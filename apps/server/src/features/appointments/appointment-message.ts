import { type Queryable, schema } from "@omniloket/db";
import { chooseReplyChannel, isDigitalReplyChannel } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { publishEvent } from "../../platform/events";
import { loadReplyFacts, recordOutboundContact } from "../replies";

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
  const { interactionId } = await recordOutboundContact(tx, {
    tenantId: question.tenantId,
    questionId: question.id,
    residentPartyId: question.residentPartyId,
    channel,
    subject,
    text,
    language,
    now,
    metadata: {
      kind: `appointment-${input.kind}`,
      appointmentId: input.appointmentId,
      ...(whatsappClosed ? { template: APPOINTMENT_WHATSAPP_TEMPLATE } : {}),
    },
    to: to ?? null,
    decision: { suggestedChannel: choice.channel, suggestionReason: choice.reason },
  });
  const sent = channel !== "portal";
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
