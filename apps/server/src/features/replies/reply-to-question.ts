import { type Db, schema } from "@omniloket/db";
import { chooseReplyChannel, isDigitalReplyChannel, type ReplyChannel } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { publishEvent } from "../../platform/events";
import { loadQuestionForChange } from "../questions";
import { recordOutboundContact } from "./record-outbound-contact";
import {
  noDigitalContact,
  noReplyChannel,
  overrideNeedsReason,
  unreachable,
  whatsappWindowClosed,
} from "./replies.errors";
import { loadReplyFacts } from "./reply-facts";

export type ReplyInput = {
  principal: Principal;
  questionId: string;
  text: string;
  subject?: string;
  /** Only to deviate from the reply rule, with a reason. */
  channel?: ReplyChannel;
  overrideReason?: string;
  /** WhatsApp outside the 24-hour window: an approved template. */
  template?: string;
};

const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

/**
 * One reply use case for every channel. The reply rule picks the channel (the resident's choice for the
 * question, topic preference, general preference, last channel used); an employee may deviate only with a
 * recorded reason, and every suggestion and deviation is recorded so its effect can be measured. Messages
 * go out through the outbox (with retries); a phone call or letter becomes a task for a person.
 */
export async function replyToQuestion(deps: { db: Db; clock: () => Date }, input: ReplyInput) {
  const { principal } = input;
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const question = await loadQuestionForChange(tx, principal, input.questionId);
    const { facts, addresses, lastWhatsappInboundAt, language } = await loadReplyFacts(tx, question);
    const suggestion = chooseReplyChannel(facts);
    const channel = input.channel ?? suggestion.channel;
    if (channel === null) throw noReplyChannel();
    const overridden = input.channel !== undefined && input.channel !== suggestion.channel;
    if (overridden && !input.overrideReason?.trim()) throw overrideNeedsReason();
    if (facts.noDigitalContact && isDigitalReplyChannel(channel)) throw noDigitalContact();
    const to = addresses[channel];
    if (!to) throw unreachable(channel);
    if (channel === "whatsapp" && !input.template) {
      const open =
        lastWhatsappInboundAt !== null &&
        now.getTime() - lastWhatsappInboundAt.getTime() < WHATSAPP_WINDOW_MS;
      if (!open)
        throw whatsappWindowClosed(
          chooseReplyChannel({ ...facts, reachable: facts.reachable.filter((c) => c !== "whatsapp") })
            .channel,
        );
    }

    const sendsMessage = isDigitalReplyChannel(channel);
    const employeeId = principal.kind === "employee" ? principal.employeeId : null;
    const { interactionId } = await recordOutboundContact(tx, {
      tenantId: principal.tenantId,
      questionId: question.id,
      residentPartyId: question.residentPartyId,
      channel,
      subject: input.subject ?? null,
      text: input.text,
      language,
      now,
      employeeId,
      metadata: input.template ? { template: input.template } : {},
      to: sendsMessage ? to : null,
      decision: {
        suggestedChannel: suggestion.channel,
        suggestionReason: suggestion.reason,
        overrideReason: overridden ? (input.overrideReason ?? null) : null,
      },
    });
    if (!sendsMessage) {
      // A call or a letter is work for a person: the promise shows in the back office's task list.
      await tx.insert(schema.tasks).values({
        tenantId: principal.tenantId,
        questionId: question.id,
        causeInteractionId: interactionId,
        kind: channel === "phone" ? "callback" : "back-office",
        teamId: question.teamId,
        assigneeEmployeeId: employeeId,
        dueAt: now,
        contactChannel: channel,
        contactAddress: channel === "phone" ? to : null,
        description:
          channel === "phone"
            ? "Bel de inwoner met dit antwoord."
            : "Stuur de inwoner dit antwoord per brief.",
      });
    }
    await tx
      .update(schema.questions)
      .set({ lastActivityAt: now })
      .where(eq(schema.questions.id, question.id));
    await publishEvent(
      tx,
      {
        tenantId: principal.tenantId,
        type: "question.changed",
        questionId: question.id,
        interactionId,
        teamId: question.teamId,
      },
      now,
    );
    await recordAudit(tx, principal, now, {
      action: "reply.create",
      purpose: "contact-handling",
      partyIds: question.residentPartyId ? [question.residentPartyId] : [],
      objectType: "interaction",
      objectIds: [interactionId],
      details: { channel, suggested: suggestion.channel, overridden },
    });
    return {
      interactionId,
      channel,
      suggestedChannel: suggestion.channel,
      suggestionReason: suggestion.reason,
      overridden,
    };
  });
}
