import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { publishEvent } from "../../platform/events";
import { recordOutboundContact } from "./record-outbound-contact";

export type ConfirmationInput = {
  tenantId: string;
  questionId: string;
  /** The resident's email address, as they gave it. */
  to: string;
  subject: string;
  text: string;
  /** ISO 639-2/B; defaults to Dutch. */
  language?: string;
  /**
   * The text as sent, when it differs from `text` because it holds a secret (a login or chat code):
   * `text` is what the question's timeline keeps (the secret masked), this travels only in the outbox
   * row and is erased from it once the message is sent or given up.
   */
  sentText?: string;
};

/**
 * A system message confirming receipt (e.g. of a web form) by email. Written like any reply: the
 * outbound interaction, its involvement and an outbox row in one transaction; delivery retries it.
 * No principal: the resident asked for nothing but gets a receipt with their question's reference.
 */
export async function sendConfirmation(deps: { db: Db; clock: () => Date }, input: ConfirmationInput) {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const [question] = await tx
      .select({ residentPartyId: schema.questions.residentPartyId, teamId: schema.questions.teamId })
      .from(schema.questions)
      .where(eq(schema.questions.id, input.questionId));
    if (!question) throw new Error(`question ${input.questionId} not found`);
    const { interactionId } = await recordOutboundContact(tx, {
      tenantId: input.tenantId,
      questionId: input.questionId,
      residentPartyId: question.residentPartyId,
      channel: "email",
      subject: input.subject,
      text: input.text,
      language: input.language ?? "nld",
      now,
      metadata: { kind: "confirmation" },
      to: input.to,
      ...(input.sentText ? { sentText: input.sentText } : {}),
      decision: { suggestedChannel: "email", suggestionReason: "confirmation" },
    });
    await publishEvent(
      tx,
      {
        tenantId: input.tenantId,
        type: "question.changed",
        questionId: input.questionId,
        interactionId,
        teamId: question.teamId,
      },
      now,
    );
    return { interactionId };
  });
}
