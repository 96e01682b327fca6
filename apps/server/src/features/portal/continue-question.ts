import { randomUUID } from "node:crypto";
import { ingestInteractionSchema } from "@omniloket/contract";
import { type Db, type Queryable, schema } from "@omniloket/db";
import { chooseReplyChannel, normalisePhone, type ReplyChannel } from "@omniloket/domain";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Principal } from "../../platform/auth/principal";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";
import { publishEvent } from "../../platform/events";
import { cleanChatText } from "../chat/chat-text";
import { ingestInteraction } from "../ingest";
import { loadReplyFacts } from "../replies/reply-facts";
import { createTask } from "../tasks";
import { callbackSlots } from "./callback-slots";
import { loadOwnQuestion, type QuestionRow } from "./own-question";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";

/** The longest message a resident can post in the portal (the web chat's left message takes as much). */
export const MAX_PORTAL_MESSAGE_CHARS = 5000;

/** Channels a resident can move one question to from the portal: the ones that carry a written answer. */
export const MOVABLE_CHANNELS = ["email", "whatsapp", "letter"] as const satisfies readonly ReplyChannel[];
export type MovableChannel = (typeof MOVABLE_CHANNELS)[number];

/** What the resident can do to continue one of their own questions, and on which channel we answer. */
export type ContinueOptions = {
  /** The channel the reply rule picks now (null: we cannot reach them). */
  replyChannel: ReplyChannel | null;
  /** The channel the resident chose for this question, if they did. */
  chosenChannel: string | null;
  /** The channels of MOVABLE_CHANNELS we hold an address for. */
  movable: MovableChannel[];
  /** The resident's known phone numbers, newest first, to call back on. */
  phones: string[];
  slots: Date[];
};

/** What the continue forms on the question page need; for the resident's own questions only. */
export async function continueOptions(
  q: Queryable,
  question: QuestionRow,
  now: Date,
): Promise<ContinueOptions> {
  const { facts, addresses } = await loadReplyFacts(q, question);
  const phones = question.residentPartyId
    ? await q
        .select({ value: schema.partyIdentifiers.value })
        .from(schema.partyIdentifiers)
        .where(
          and(
            eq(schema.partyIdentifiers.partyId, question.residentPartyId),
            eq(schema.partyIdentifiers.kind, "phone"),
          ),
        )
        .orderBy(desc(schema.partyIdentifiers.createdAt))
    : [];
  return {
    replyChannel: chooseReplyChannel(facts).channel,
    chosenChannel: question.replyChannel,
    movable: MOVABLE_CHANNELS.filter((channel) => addresses[channel] !== undefined),
    phones: phones.map((p) => p.value),
    slots: callbackSlots(now),
  };
}

/** The portal acting on a question its resident owns; it may reach the question whatever its topic. */
export async function portalPrincipal(q: Queryable, tenantId: string): Promise<Principal> {
  const teams = await q
    .select({ id: schema.teams.id })
    .from(schema.teams)
    .where(eq(schema.teams.tenantId, tenantId));
  return { kind: "process", tenantId, process: "portal", roles: ["system"], teamIds: teams.map((t) => t.id) };
}

/**
 * The address that tells ingest who the resident is (the one they logged in with, verified by code): an
 * email address first, else the mobile number of an SMS login.
 */
export async function residentAddress(
  q: Queryable,
  resident: PortalResident,
): Promise<{ kind: "email" | "phone"; value: string } | null> {
  const [address] = await q
    .select({ kind: schema.partyIdentifiers.kind, value: schema.partyIdentifiers.value })
    .from(schema.partyIdentifiers)
    .where(
      and(
        eq(schema.partyIdentifiers.partyId, resident.partyId),
        inArray(schema.partyIdentifiers.kind, ["email", "phone"]),
      ),
    )
    .orderBy(
      asc(schema.partyIdentifiers.kind),
      asc(schema.partyIdentifiers.verifiedAt),
      desc(schema.partyIdentifiers.createdAt),
    );
  return address && (address.kind === "email" || address.kind === "phone")
    ? { kind: address.kind, value: address.value }
    : null;
}

export type PortalWriteResult = { ok: true } | { ok: false; field: string; reason: string };

/**
 * The resident writes in the portal: an inbound contact on the "portal" channel through the ordinary
 * ingest, threaded explicitly into this question, so routing, the question's status and the live
 * workspace follow as for any other channel. null: not their question.
 */
export async function replyInPortal(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  resident: PortalResident,
  input: { questionId: string; text: string; language: "nld" | "eng" },
): Promise<PortalWriteResult | null> {
  const db = deps.database.db;
  const question = await loadOwnQuestion(db, resident, input.questionId);
  if (!question) return null;
  let text: string;
  try {
    // Plain text as a chat line: control characters dropped, line ends unified, trimmed, a length limit.
    text = cleanChatText(input.text, "text", MAX_PORTAL_MESSAGE_CHARS);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, field: "text", reason: input.text.trim() ? "too-long" : "empty" };
  }
  const email = await residentAddress(db, resident);
  if (!email) return null;
  const result = await ingestInteraction(deps, {
    tenantId: resident.tenantId,
    interaction: ingestInteractionSchema.parse({
      channel: "portal",
      externalId: `portal-${randomUUID()}`,
      text,
      language: input.language,
      questionId: question.id,
      sender: { identifiers: [{ kind: email.kind, value: email.value }] },
    }),
  });
  await recordPortalAudit(db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: deps.clock(),
    action: "portal.question.message",
    partyIds: [resident.partyId],
    objectType: "interaction",
    objectIds: [result.interactionId],
    details: { questionId: question.id },
  });
  return { ok: true };
}

/**
 * The resident asks to be called back in a slot they picked from `callbackSlots`: a callback task on the
 * question (through the tasks use case, as the web chat's callback) due at the start of the slot.
 */
export async function requestPortalCallback(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { questionId: string; phone: string; slot: string; language: "nld" | "eng" },
): Promise<PortalWriteResult | null> {
  const now = deps.clock();
  const question = await loadOwnQuestion(deps.db, resident, input.questionId);
  if (!question) return null;
  const phone = normalisePhone(input.phone.trim());
  if (!phone.ok) return { ok: false, field: "phone", reason: "invalid" };
  const slot = callbackSlots(now).find((s) => s.toISOString() === input.slot);
  if (!slot) return { ok: false, field: "slot", reason: "invalid" };
  const task = await createTask(deps, {
    principal: await portalPrincipal(deps.db, resident.tenantId),
    questionId: question.id,
    kind: "callback",
    dueAt: slot,
    contactChannel: "phone",
    contactAddress: phone.value,
    description:
      input.language === "eng"
        ? "Callback requested in My municipality; call in the chosen slot."
        : "Terugbelverzoek uit Mijn gemeente; bel in het gekozen tijdvak.",
  });
  await recordPortalAudit(deps.db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: now,
    action: "portal.callback.request",
    partyIds: [resident.partyId],
    objectType: "task",
    objectIds: [task.id],
    details: { questionId: question.id, dueAt: slot.toISOString() },
  });
  return { ok: true };
}

/**
 * The resident moves this question to email, WhatsApp or letter: the question's reply channel, which the
 * reply rule puts first. Only a channel we hold an address for; the resident is the one who chose.
 */
export async function moveQuestionChannel(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { questionId: string; channel: string },
): Promise<PortalWriteResult | null> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const question = await loadOwnQuestion(tx, resident, input.questionId, true);
    if (!question) return null;
    const channel = MOVABLE_CHANNELS.find((c) => c === input.channel);
    if (!channel) return { ok: false, field: "channel", reason: "invalid" };
    const { addresses } = await loadReplyFacts(tx, question);
    if (addresses[channel] === undefined) return { ok: false, field: "channel", reason: "unreachable" };
    await tx
      .update(schema.questions)
      .set({ replyChannel: channel })
      .where(eq(schema.questions.id, question.id));
    await publishEvent(
      tx,
      {
        tenantId: resident.tenantId,
        type: "question.changed",
        questionId: question.id,
        teamId: question.teamId,
      },
      now,
    );
    await recordPortalAudit(tx, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: now,
      action: "portal.question.reply-channel",
      partyIds: [resident.partyId],
      objectType: "question",
      objectIds: [question.id],
      details: { replyChannel: channel, previous: question.replyChannel, chosenBy: "resident" },
    });
    return { ok: true as const };
  });
}
