import { schema, type Tx } from "@omniloket/db";
import type { Verification } from "@omniloket/db/schema";
import { and, eq, isNull } from "drizzle-orm";
import { publishEvent } from "../../platform/events";
import { partyForEmail } from "../identity";
import type { ChatSessionRow } from "./visitor-session";

/**
 * Joins an anonymous chat to the resident who owns this email address (docs/decisions/0008): the party
 * with that address (verified by the code, or as the visitor gave it), else a new one. The chat's
 * contact lands in their timeline and, if the question had no resident yet, the question becomes theirs.
 */
export async function joinChatToResident(
  tx: Tx,
  session: ChatSessionRow,
  email: string,
  verification: Verification,
  now: Date,
): Promise<string> {
  const partyId = await partyForEmail(tx, session.tenantId, email, verification, now);
  const [question] = await tx
    .update(schema.questions)
    .set({ residentPartyId: partyId })
    .where(and(eq(schema.questions.id, session.questionId), isNull(schema.questions.residentPartyId)))
    .returning({ teamId: schema.questions.teamId });
  const [involved] = await tx
    .select({ id: schema.interactionParties.id })
    .from(schema.interactionParties)
    .where(
      and(
        eq(schema.interactionParties.interactionId, session.interactionId),
        eq(schema.interactionParties.partyId, partyId),
      ),
    );
  if (!involved) {
    const [interaction] = await tx
      .select({ occurredAt: schema.interactions.occurredAt })
      .from(schema.interactions)
      .where(eq(schema.interactions.id, session.interactionId));
    // An anonymous contact has an involvement without a party: it becomes this resident's.
    const updated = await tx
      .update(schema.interactionParties)
      .set({ partyId, timelinePartyId: partyId })
      .where(
        and(
          eq(schema.interactionParties.interactionId, session.interactionId),
          isNull(schema.interactionParties.partyId),
        ),
      )
      .returning({ id: schema.interactionParties.id });
    if (updated.length === 0)
      await tx.insert(schema.interactionParties).values({
        tenantId: session.tenantId,
        interactionId: session.interactionId,
        partyId,
        timelinePartyId: partyId,
        role: "resident",
        initiator: true,
        occurredAt: interaction?.occurredAt ?? now,
      });
  }
  await tx
    .update(schema.chatSessions)
    .set({ partyId, ...(verification === "code" ? { identifiedEmail: email } : {}) })
    .where(eq(schema.chatSessions.id, session.id));
  await publishEvent(
    tx,
    {
      tenantId: session.tenantId,
      type: "question.changed",
      questionId: session.questionId,
      interactionId: session.interactionId,
      teamId: question?.teamId ?? null,
      partyId,
    },
    now,
  );
  return partyId;
}
