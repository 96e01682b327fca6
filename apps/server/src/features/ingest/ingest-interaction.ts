import type { IngestInteraction, IngestResult } from "@omniloket/contract";
import { schema, type Tx } from "@omniloket/db";
import type { Channel } from "@omniloket/domain";
import { and, eq, sql } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps";
import { publishEvent } from "../../platform/events";
import { openQuestion } from "../questions";
import { identifyParty } from "./identify-party";
import { identifyRepresented } from "./identify-represented";
import { type NormalisedIngest, normaliseIngestInput } from "./normalise-input";
import { type StoredAttachment, storeAttachments } from "./store-attachments";
import { threadIntoQuestion } from "./thread-into-question";

export type IngestActor = { employeeId?: string | null; botId?: string | null };

type StoredResult = Omit<IngestResult, "repeated">;

/**
 * Every channel ends here (DESIGN §3). One transaction: receipt (idempotent on tenant, channel and
 * external id), identify the party, thread into a question, write the interaction and its
 * involvements, outbox row and NOTIFY. A repeat of the same contact returns the first result.
 */
export async function ingestInteraction(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  input: { tenantId: string; interaction: IngestInteraction; actor?: IngestActor },
): Promise<IngestResult> {
  const now = deps.clock();
  const contact = normaliseIngestInput(input.interaction, now);
  // Bytes are stored and flushed before the transaction that refers to them commits.
  const files = await storeAttachments(deps.files, contact.attachments);
  return deps.database.db.transaction(async (tx) => {
    const receipt = await tx
      .insert(schema.receipts)
      .values({
        tenantId: input.tenantId,
        channel: contact.channel,
        externalId: contact.externalId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ externalId: schema.receipts.externalId });
    if (receipt.length === 0) return { ...(await firstResult(tx, input.tenantId, contact)), repeated: true };

    const result = await writeContact(tx, deps, input.tenantId, contact, files, input.actor ?? {}, now);
    await tx
      .update(schema.receipts)
      .set({ result })
      .where(
        and(
          eq(schema.receipts.tenantId, input.tenantId),
          eq(schema.receipts.channel, contact.channel),
          eq(schema.receipts.externalId, contact.externalId),
        ),
      );
    return { ...result, repeated: false };
  });
}

async function firstResult(tx: Tx, tenantId: string, contact: NormalisedIngest): Promise<StoredResult> {
  const [row] = await tx
    .select({ result: schema.receipts.result })
    .from(schema.receipts)
    .where(
      and(
        eq(schema.receipts.tenantId, tenantId),
        eq(schema.receipts.channel, contact.channel),
        eq(schema.receipts.externalId, contact.externalId),
      ),
    );
  if (!row?.result) throw new Error("receipt without result");
  return row.result as StoredResult;
}

async function writeContact(
  tx: Tx,
  deps: Pick<AppDeps, "config">,
  tenantId: string,
  contact: NormalisedIngest,
  files: StoredAttachment[],
  actor: IngestActor,
  now: Date,
): Promise<StoredResult> {
  const occurredAt = new Date(contact.occurredAt);
  const senderPartyId = await identifyParty(tx, tenantId, contact.sender, now);
  const representedPartyId = contact.actingFor
    ? await identifyRepresented(tx, tenantId, senderPartyId, contact.actingFor, now)
    : null;
  const residentPartyId = representedPartyId ?? senderPartyId;

  const decision = await threadIntoQuestion(tx, {
    tenantId,
    residentPartyId,
    senderPartyId,
    topicId: contact.topicId ?? null,
    subject: contact.subject,
    text: contact.text,
    explicitQuestionId: contact.questionId,
    inReplyTo: contact.inReplyTo,
    now: occurredAt,
    suggestionWindowDays: deps.config.threadingSuggestionDays,
  });

  let question: { id: string; reference: string; teamId: string | null };
  if (decision.kind === "existing") {
    question = await touchQuestion(tx, decision.questionId, occurredAt, contact.direction);
  } else {
    question = await openQuestion(tx, {
      tenantId,
      residentPartyId,
      topicId: contact.topicId ?? null,
      channel: contact.channel as Channel,
      confidential: contact.confidential,
      openedAt: occurredAt,
    });
  }

  const [interaction] = await tx
    .insert(schema.interactions)
    .values({
      tenantId,
      questionId: question.id,
      channel: contact.channel,
      direction: contact.direction,
      occurredAt,
      receivedAt: now,
      subject: contact.subject ?? null,
      text: contact.text,
      language: contact.language,
      externalId: contact.externalId,
      threadKey: contact.threadKey ?? null,
      employeeId: actor.employeeId ?? null,
      botId: actor.botId ?? null,
    })
    .returning({ id: schema.interactions.id });
  if (!interaction) throw new Error("interaction insert returned nothing");

  const involvements: Array<typeof schema.interactionParties.$inferInsert> = [];
  if (representedPartyId) {
    involvements.push(
      {
        tenantId,
        interactionId: interaction.id,
        partyId: representedPartyId,
        timelinePartyId: representedPartyId,
        role: "resident",
        initiator: false,
        occurredAt,
      },
      {
        tenantId,
        interactionId: interaction.id,
        partyId: senderPartyId,
        timelinePartyId: representedPartyId,
        role: "representative",
        initiator: true,
        contactName: contact.sender.displayName,
        occurredAt,
      },
    );
  } else {
    involvements.push({
      tenantId,
      interactionId: interaction.id,
      partyId: senderPartyId,
      timelinePartyId: senderPartyId,
      role: "resident",
      initiator: contact.direction === "inbound",
      contactName: contact.sender.displayName,
      occurredAt,
    });
  }
  await tx.insert(schema.interactionParties).values(involvements);

  if (contact.subjectLinks.length > 0) {
    await tx
      .insert(schema.subjectLinks)
      .values(contact.subjectLinks.map((link) => ({ tenantId, interactionId: interaction.id, ...link })));
  }
  if (files.length > 0) {
    await tx
      .insert(schema.attachments)
      .values(files.map((file) => ({ tenantId, interactionId: interaction.id, ...file })));
  }
  const suggestions = decision.kind === "new" ? decision.suggestions : [];
  if (suggestions.length > 0) {
    await tx.insert(schema.threadingSuggestions).values(
      suggestions.map((s) => ({
        tenantId,
        interactionId: interaction.id,
        questionId: s.questionId,
        reason: s.reason,
      })),
    );
  }

  await publishEvent(
    tx,
    {
      tenantId,
      type: "interaction.created",
      questionId: question.id,
      interactionId: interaction.id,
      teamId: question.teamId,
    },
    now,
  );

  return {
    interactionId: interaction.id,
    questionId: question.id,
    questionReference: question.reference,
    partyId: residentPartyId,
    threading: decision.kind === "existing" ? decision.reason : "new",
    suggestionCount: suggestions.length,
  };
}

/** A new contact on an existing question: it is active again, and a resolved question reopens. */
async function touchQuestion(tx: Tx, questionId: string, at: Date, direction: "inbound" | "outbound") {
  const q = schema.questions;
  const statusAfter =
    direction === "inbound"
      ? sql`CASE WHEN ${q.status} = 'resolved' THEN 'reopened' WHEN ${q.status} = 'waiting-on-resident' THEN 'open' ELSE ${q.status} END`
      : sql`${q.status}`;
  const [row] = await tx
    .update(q)
    .set({
      lastActivityAt: sql`GREATEST(${q.lastActivityAt}, ${at.toISOString()}::timestamptz)`,
      status: statusAfter,
      resolvedAt: direction === "inbound" ? null : sql`${q.resolvedAt}`,
    })
    .where(eq(q.id, questionId))
    .returning({ id: q.id, reference: q.reference, teamId: q.teamId });
  if (!row) throw new Error("question vanished during ingest");
  return row;
}
