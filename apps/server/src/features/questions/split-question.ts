import { type Db, schema } from "@omniloket/db";
import { isChannel, isKnownTopic } from "@omniloket/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { invalidInput } from "../../platform/errors";
import { announceQuestionChanges } from "./announce-question-changes";
import { chatsFollowContacts } from "./chats-follow-contacts";
import { loadQuestionForChange } from "./load-question-for-change";
import { openQuestion } from "./open-question";
import { refreshQuestionActivity } from "./refresh-question-activity";

/**
 * One question turns out to hold two needs: the chosen contacts move to a new question (with its own
 * reference, topic, team and due time). At least one contact stays behind.
 */
export async function splitQuestion(
  deps: { db: Db; clock: () => Date },
  input: {
    principal: Principal;
    questionId: string;
    interactionIds: string[];
    topicId: string | null;
    reason: string;
  },
) {
  const { principal } = input;
  if (input.topicId !== null && !isKnownTopic(input.topicId)) {
    throw invalidInput([
      { name: "topicId", code: "unknown-topic", reason: `Onbekend onderwerp "${input.topicId}".` },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    const source = await loadQuestionForChange(tx, principal, input.questionId);
    const contacts = await tx
      .select({
        id: schema.interactions.id,
        occurredAt: schema.interactions.occurredAt,
        channel: schema.interactions.channel,
      })
      .from(schema.interactions)
      .where(eq(schema.interactions.questionId, source.id))
      .orderBy(asc(schema.interactions.occurredAt));
    const chosen = contacts.filter((c) => input.interactionIds.includes(c.id));
    if (chosen.length !== new Set(input.interactionIds).size) {
      throw invalidInput([
        {
          name: "interactionIds",
          code: "not-in-question",
          reason: "Niet alle contacten horen bij deze vraag.",
        },
      ]);
    }
    if (chosen.length === contacts.length) {
      throw invalidInput([
        {
          name: "interactionIds",
          code: "nothing-left",
          reason: "Laat ten minste één contact bij de oorspronkelijke vraag.",
        },
      ]);
    }
    const first = chosen[0];
    if (!first)
      throw invalidInput([
        { name: "interactionIds", code: "required", reason: "Kies ten minste één contact." },
      ]);

    const created = await openQuestion(tx, {
      tenantId: principal.tenantId,
      residentPartyId: source.residentPartyId,
      topicId: input.topicId,
      channel: isChannel(first.channel) ? first.channel : "api",
      confidential: source.confidential,
      openedAt: first.occurredAt,
    });
    await tx
      .update(schema.interactions)
      .set({ questionId: created.id })
      .where(
        and(
          eq(schema.interactions.questionId, source.id),
          inArray(
            schema.interactions.id,
            chosen.map((c) => c.id),
          ),
        ),
      );
    await chatsFollowContacts(tx, source.id);
    await refreshQuestionActivity(tx, source.id);
    await refreshQuestionActivity(tx, created.id);
    const now = deps.clock();
    await announceQuestionChanges(tx, principal.tenantId, [source, created], now);
    await recordAudit(tx, principal, now, {
      action: "question.split",
      purpose: "contact-handling",
      partyIds: source.residentPartyId ? [source.residentPartyId] : [],
      objectType: "question",
      objectIds: [source.id, created.id],
      details: { interactionIds: chosen.map((c) => c.id), reason: input.reason },
    });
    return { questionId: created.id, reference: created.reference, movedInteractions: chosen.length };
  });
}
