import { schema, type Tx } from "@omniloket/db";
import { decideThreading, findQuestionReferences, type ThreadingDecision } from "@omniloket/domain";
import { and, desc, eq, gt, inArray, isNull, ne, or } from "drizzle-orm";
import { invalidInput } from "../../platform/errors";

export type ThreadingFacts = {
  tenantId: string;
  /** The resident whose question this is (the represented resident for a representative). */
  residentPartyId: string | null;
  senderPartyId: string | null;
  topicId: string | null;
  subject: string | undefined;
  text: string;
  explicitQuestionId: string | undefined;
  inReplyTo: string[];
  now: Date;
  suggestionWindowDays: number;
};

/** Who may thread into a question by quoting its reference: its resident and their representatives. */
async function membersOf(tx: Tx, questionRows: Array<{ id: string; residentPartyId: string | null }>) {
  const residentIds = questionRows.map((q) => q.residentPartyId).filter((id): id is string => id !== null);
  const representatives =
    residentIds.length === 0
      ? []
      : await tx
          .select({
            representative: schema.representations.representativePartyId,
            represented: schema.representations.representedPartyId,
          })
          .from(schema.representations)
          .where(
            and(
              inArray(schema.representations.representedPartyId, residentIds),
              isNull(schema.representations.validUntil),
            ),
          );
  return questionRows.map((q) => ({
    questionId: q.id,
    residentPartyIds: [
      ...(q.residentPartyId ? [q.residentPartyId] : []),
      ...representatives.filter((r) => r.represented === q.residentPartyId).map((r) => r.representative),
    ],
  }));
}

/** Gathers what the pure threading rule needs, then lets it decide. */
export async function threadIntoQuestion(tx: Tx, facts: ThreadingFacts): Promise<ThreadingDecision> {
  const q = schema.questions;
  let explicitQuestionId: string | null = null;
  if (facts.explicitQuestionId) {
    const [row] = await tx
      .select({ id: q.id })
      .from(q)
      .where(and(eq(q.id, facts.explicitQuestionId), eq(q.tenantId, facts.tenantId)));
    if (!row) {
      throw invalidInput([
        { name: "questionId", code: "unknown-question", reason: "Deze vraag bestaat niet." },
      ]);
    }
    explicitQuestionId = row.id;
  }

  const references = findQuestionReferences(`${facts.subject ?? ""}\n${facts.text}`);
  const quoted =
    references.length === 0
      ? []
      : await tx
          .select({ id: q.id, residentPartyId: q.residentPartyId, mergedIntoId: q.mergedIntoId })
          .from(q)
          .where(and(eq(q.tenantId, facts.tenantId), inArray(q.reference, references)));

  let threadKeyQuestionId: string | null = null;
  if (facts.inReplyTo.length > 0) {
    const [row] = await tx
      .select({ questionId: schema.interactions.questionId })
      .from(schema.interactions)
      .where(
        and(
          eq(schema.interactions.tenantId, facts.tenantId),
          inArray(schema.interactions.threadKey, facts.inReplyTo),
        ),
      )
      .orderBy(desc(schema.interactions.occurredAt))
      .limit(1);
    threadKeyQuestionId = row?.questionId ?? null;
  }

  const windowStart = new Date(facts.now.getTime() - facts.suggestionWindowDays * 86_400_000);
  const openSameTopic =
    facts.residentPartyId && facts.topicId
      ? await tx
          .select({ questionId: q.id, lastActivityAt: q.lastActivityAt })
          .from(q)
          .where(
            and(
              eq(q.tenantId, facts.tenantId),
              eq(q.residentPartyId, facts.residentPartyId),
              eq(q.topicId, facts.topicId),
              ne(q.status, "resolved"),
              isNull(q.mergedIntoId),
              or(gt(q.lastActivityAt, windowStart), eq(q.lastActivityAt, windowStart)),
            ),
          )
      : [];

  return decideThreading({
    quotedReferences: await membersOf(
      tx,
      quoted.map((row) => ({ id: row.mergedIntoId ?? row.id, residentPartyId: row.residentPartyId })),
    ),
    senderPartyId: facts.senderPartyId,
    threadKeyQuestionId,
    explicitQuestionId,
    openQuestionsSameTopic: openSameTopic,
    now: facts.now,
    suggestionWindowDays: facts.suggestionWindowDays,
  });
}
