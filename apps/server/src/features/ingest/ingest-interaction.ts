import { randomUUID } from "node:crypto";
import type { IngestInteraction, IngestResult } from "@omniloket/contract";
import type { RawQuery } from "@omniloket/db";
import {
  type Channel,
  computeDueAt,
  defaultWorkingCalendar,
  formatQuestionReference,
  routeByTopic,
} from "@omniloket/domain";
import type { AppDeps } from "../../platform/deps";
import { identifyParty } from "./identify-party";
import { identifyRepresented } from "./identify-represented";
import * as SQL from "./ingest-sql";
import { type NormalisedIngest, normaliseIngestInput } from "./normalise-input";
import { type StoredAttachment, storeAttachments } from "./store-attachments";
import { threadIntoQuestion } from "./thread-into-question";

export type IngestActor = { employeeId?: string | null; botId?: string | null };

type StoredResult = Omit<IngestResult, "repeated">;

/**
 * Every channel ends here (DESIGN §3). One transaction: receipt (idempotent on tenant, channel and
 * external id), identify the party, thread into a question, write the interaction and its
 * involvements, outbox row and NOTIFY. A repeat of the same contact returns the first result.
 * The hot path is plain SQL with prepared statements (docs/decisions/0007-ingest-round-trips.md).
 */
export async function ingestInteraction(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  input: { tenantId: string; interaction: IngestInteraction; actor?: IngestActor },
): Promise<IngestResult> {
  const now = deps.clock();
  const contact = normaliseIngestInput(input.interaction, now);
  // Bytes are stored and flushed before the transaction that refers to them commits.
  const files = await storeAttachments(deps.files, contact.attachments);
  const { tenantId } = input;
  return deps.database.transaction(async (query) => {
    const [receipt] = await query<{ taken: boolean; sequence: string }>(
      SQL.takeReceipt,
      [tenantId, contact.channel, contact.externalId, now],
      "ingest-take-receipt",
    );
    if (!receipt?.taken) {
      const [first] = await query<{ result: StoredResult | null }>(
        SQL.firstResult,
        [tenantId, contact.channel, contact.externalId],
        "ingest-first-result",
      );
      if (!first?.result) throw new Error("receipt without result");
      return { ...first.result, repeated: true };
    }
    const result = await writeContact(
      query,
      deps,
      tenantId,
      contact,
      files,
      input.actor ?? {},
      now,
      BigInt(receipt.sequence),
    );
    return { ...result, repeated: false };
  });
}

async function writeContact(
  query: RawQuery,
  deps: Pick<AppDeps, "config">,
  tenantId: string,
  contact: NormalisedIngest,
  files: StoredAttachment[],
  actor: IngestActor,
  now: Date,
  sequence: bigint,
): Promise<StoredResult> {
  const occurredAt = new Date(contact.occurredAt);
  const senderPartyId = await identifyParty(query, tenantId, contact.sender, now);
  const representedPartyId = contact.actingFor
    ? await identifyRepresented(query, tenantId, senderPartyId, contact.actingFor, now)
    : null;
  const residentPartyId = representedPartyId ?? senderPartyId;
  const topicId = contact.topicId ?? null;

  const threading = await threadIntoQuestion(query, {
    tenantId,
    residentPartyId,
    senderPartyId,
    topicId,
    subject: contact.subject,
    text: contact.text,
    explicitQuestionId: contact.questionId,
    inReplyTo: contact.inReplyTo,
    now: occurredAt,
    suggestionWindowDays: deps.config.threadingSuggestionDays,
  });
  const { decision } = threading;
  const isNew = decision.kind === "new";
  const question = threading.existing ?? {
    id: randomUUID(),
    reference: formatQuestionReference(sequence),
    teamId: routeByTopic(topicId, threading.teams),
  };
  const dueAt = isNew
    ? (computeDueAt(
        occurredAt,
        threading.serviceNorms,
        topicId,
        contact.channel as Channel,
        defaultWorkingCalendar,
      )?.dueAt ?? null)
    : null;

  // Betrokkenen: a representative's contact belongs in the represented resident's timeline.
  const involvements = representedPartyId
    ? [
        {
          partyId: representedPartyId,
          timelinePartyId: representedPartyId,
          role: "resident",
          initiator: false,
          contactName: null,
        },
        {
          partyId: senderPartyId,
          timelinePartyId: representedPartyId,
          role: "representative",
          initiator: contact.direction === "inbound",
          contactName: contact.sender.displayName,
        },
      ]
    : [
        {
          partyId: senderPartyId,
          timelinePartyId: senderPartyId,
          role: "resident",
          initiator: contact.direction === "inbound",
          contactName: contact.sender.displayName,
        },
      ];

  const interactionId = randomUUID();
  const suggestions = decision.kind === "new" ? decision.suggestions : [];
  const result: StoredResult = {
    interactionId,
    questionId: question.id,
    questionReference: question.reference,
    partyId: residentPartyId,
    threading: decision.kind === "existing" ? decision.reason : "new",
    suggestionCount: suggestions.length,
  };
  await query(
    SQL.writeContact,
    [
      tenantId,
      isNew,
      question.id,
      question.reference,
      sequence.toString(),
      residentPartyId,
      topicId,
      contact.confidential,
      dueAt,
      question.teamId,
      occurredAt,
      contact.direction,
      interactionId,
      contact.channel,
      now,
      contact.subject ?? null,
      contact.text,
      contact.language,
      contact.externalId,
      contact.threadKey ?? null,
      actor.employeeId ?? null,
      actor.botId ?? null,
      involvements.map((i) => i.partyId),
      involvements.map((i) => i.timelinePartyId),
      involvements.map((i) => i.role),
      involvements.map((i) => i.initiator),
      involvements.map((i) => i.contactName),
      JSON.stringify(result),
      question.teamId,
    ],
    "ingest-write-contact",
  );

  if (contact.subjectLinks.length > 0) {
    const links = contact.subjectLinks;
    await query(
      SQL.insertSubjectLinks,
      [
        tenantId,
        interactionId,
        links.map((l) => l.objectType),
        links.map((l) => l.objectId),
        links.map((l) => l.register),
        links.map((l) => l.objectIdKind),
      ],
      "ingest-subject-links",
    );
  }
  if (files.length > 0) {
    await query(
      SQL.insertAttachments,
      [
        tenantId,
        interactionId,
        files.map((f) => f.fileName),
        files.map((f) => f.contentType),
        files.map((f) => f.sizeBytes),
        files.map((f) => f.sha256),
        files.map((f) => f.quarantined),
      ],
      "ingest-attachments",
    );
  }
  if (suggestions.length > 0) {
    await query(
      SQL.insertSuggestions,
      [tenantId, interactionId, suggestions.map((s) => s.questionId), suggestions.map((s) => s.reason)],
      "ingest-suggestions",
    );
  }
  return result;
}
