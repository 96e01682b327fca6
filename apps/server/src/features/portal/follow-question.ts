import { randomUUID } from "node:crypto";
import { ingestInteractionSchema } from "@omniloket/contract";
import { type Db, schema } from "@omniloket/db";
import type { QuestionStatus } from "@omniloket/db/schema";
import { parseQuestionReference } from "@omniloket/domain";
import { and, asc, eq, isNull, ne, or } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";
import { cleanChatText } from "../chat/chat-text";
import { ingestInteraction } from "../ingest";
import { channelSettings } from "../organisation";
import { MAX_PORTAL_MESSAGE_CHARS } from "./continue-question";
import { isFollowCode } from "./follow-code";
import { recordPortalAudit } from "./portal-audit";

type QuestionRow = typeof schema.questions.$inferSelect;

/** What someone holding a question's reference and follow code may see: no names, no internal notes. */
export type FollowedQuestion = {
  reference: string;
  status: QuestionStatus;
  openedAt: Date;
  /** The municipality's messages to the resident that reached them (or are on their way), oldest first. */
  messages: Array<{ at: Date; channel: string; subject: string | null; text: string }>;
  /** Where they can also reply, naming the reference. */
  replyOn: { phone: string | null; email: string | null; sms: string | null; whatsapp: boolean };
};

/** The actor of an anonymous follow: the question's resident when there is one (no login proves it). */
const actorOf = (question: QuestionRow) => question.residentPartyId ?? "anonymous";

/**
 * The question a reference and follow code name together, following merges; null for a wrong pair,
 * a missing reference or a malformed one alike, so an answer tells nothing about which part was wrong.
 */
export async function findFollowedQuestion(
  deps: { db: Db; secret: string },
  input: { tenantId: string; reference: string; code: string },
): Promise<QuestionRow | null> {
  const parsed = parseQuestionReference(input.reference);
  if (!parsed.ok || input.code.length > 40) return null;
  const qs = schema.questions;
  const [asked] = await deps.db
    .select()
    .from(qs)
    .where(and(eq(qs.tenantId, input.tenantId), eq(qs.reference, parsed.value.reference)));
  if (!asked || !isFollowCode(deps.secret, input.tenantId, asked.id, input.code)) return null;
  let question = asked;
  for (let hop = 0; hop < 10 && question.mergedIntoId; hop++) {
    const [next] = await deps.db.select().from(qs).where(eq(qs.id, question.mergedIntoId));
    if (!next) return null;
    question = next;
  }
  return question;
}

/**
 * Someone follows a question by its reference and follow code, without logging in: its status, the
 * municipality's messages and the channels to reply on. The read is audit-logged with the portal's
 * purpose (actor: the question's resident, as far as the code shows).
 */
export async function followQuestion(
  deps: { db: Db; clock: () => Date; secret: string },
  input: { tenantId: string; reference: string; code: string },
): Promise<FollowedQuestion | null> {
  const question = await findFollowedQuestion(deps, input);
  if (!question) return null;
  const i = schema.interactions;
  const outbound = await deps.db
    .select({ at: i.occurredAt, channel: i.channel, subject: i.subject, text: i.text })
    .from(i)
    .where(
      and(
        eq(i.questionId, question.id),
        eq(i.direction, "outbound"),
        or(isNull(i.deliveryStatus), ne(i.deliveryStatus, "failed")),
      ),
    )
    .orderBy(asc(i.occurredAt), asc(i.createdAt));
  const settings = await channelSettings(deps.db, input.tenantId);
  await recordPortalAudit(deps.db, {
    tenantId: input.tenantId,
    actorPartyId: actorOf(question),
    at: deps.clock(),
    action: "portal.follow.read",
    partyIds: question.residentPartyId ? [question.residentPartyId] : [],
    objectType: "question",
    objectIds: [question.id],
    details: { by: "reference-and-follow-code" },
  });
  return {
    reference: question.reference,
    status: question.status,
    openedAt: question.openedAt,
    messages: outbound.map((m) => ({ ...m, text: m.text ?? "" })),
    replyOn: {
      phone: settings.phone?.numbers[0] ?? null,
      email: settings.email?.addresses[0] ?? null,
      sms: settings.sms?.from ?? null,
      whatsapp: settings.whatsapp !== undefined,
    },
  };
}

export type FollowWriteResult = { ok: true } | { ok: false; reason: "empty" | "too-long" };

/**
 * The holder of the reference and follow code adds a message: an inbound "webform" contact through the
 * ordinary ingest, threaded explicitly into this question, so routing and the workspace follow as for
 * any contact. `submissionId` (the form token's nonce) makes a repeated post land once. null: wrong pair.
 */
export async function writeOnFollowedQuestion(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  input: {
    tenantId: string;
    reference: string;
    code: string;
    text: string;
    submissionId: string;
    language: "nld" | "eng";
  },
): Promise<FollowWriteResult | null> {
  const db = deps.database.db;
  const question = await findFollowedQuestion({ db, secret: deps.config.formSecret }, input);
  if (!question) return null;
  let text: string;
  try {
    text = cleanChatText(input.text, "text", MAX_PORTAL_MESSAGE_CHARS);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, reason: input.text.trim() ? "too-long" : "empty" };
  }
  const result = await ingestInteraction(deps, {
    tenantId: input.tenantId,
    interaction: ingestInteractionSchema.parse({
      channel: "webform",
      externalId: `follow:${input.submissionId || randomUUID()}`,
      subject: `Aanvulling op vraag ${question.reference}`,
      text,
      language: input.language,
      questionId: question.id,
      // Nobody logged in: the code proves the question, not who the writer is.
      sender: { identifiers: [] },
    }),
  });
  await recordPortalAudit(db, {
    tenantId: input.tenantId,
    actorPartyId: actorOf(question),
    at: deps.clock(),
    action: "portal.follow.message",
    partyIds: question.residentPartyId ? [question.residentPartyId] : [],
    objectType: "interaction",
    objectIds: [result.interactionId],
    details: { questionId: question.id, by: "reference-and-follow-code" },
  });
  return { ok: true };
}
