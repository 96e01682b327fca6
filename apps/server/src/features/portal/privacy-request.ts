import { randomUUID } from "node:crypto";
import { ingestInteractionSchema } from "@omniloket/contract";
import { schema } from "@omniloket/db";
import { and, arrayContains, asc, desc, eq } from "drizzle-orm";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";
import { cleanChatText } from "../chat/chat-text";
import { ingestInteraction } from "../ingest";
import { openQuestion } from "../questions";
import { createTask } from "../tasks";
import { portalPrincipal } from "./continue-question";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";

export const PRIVACY_REQUEST_KINDS = ["correction", "erasure"] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];
export const MAX_PRIVACY_REQUEST_CHARS = 5000;

/**
 * GDPR art. 12(3): an answer "within one month of receipt of the request". The same day of the next
 * month (UTC), or that month's last day when it has no such day (31 January → 28 or 29 February).
 */
export function oneMonthAfter(receivedAt: Date): Date {
  const due = new Date(receivedAt.getTime());
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + 1);
  const last = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, last));
  return due;
}

export type PrivacyRequestResult =
  | { ok: true; reference: string; dueAt: Date }
  | { ok: false; field: "kind" | "text"; reason: "invalid" | "empty" | "too-long" };

/**
 * The resident asks for correction (art. 16) or erasure (art. 17) of their data: a new question with the
 * request as an inbound portal contact (so it is on their timeline and in their questions), and a
 * back-office task for the privacy officer (assigned to the first employee with that role, if any) due
 * one month after receipt.
 */
export async function requestCorrectionOrErasure(
  deps: Pick<AppDeps, "database" | "clock" | "config" | "files">,
  resident: PortalResident,
  input: { kind: string; text: string; language: "nld" | "eng" },
): Promise<PrivacyRequestResult> {
  const db = deps.database.db;
  const kind = PRIVACY_REQUEST_KINDS.find((k) => k === input.kind);
  if (!kind) return { ok: false, field: "kind", reason: "invalid" };
  let text: string;
  try {
    text = cleanChatText(input.text, "text", MAX_PRIVACY_REQUEST_CHARS);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, field: "text", reason: input.text.trim() ? "too-long" : "empty" };
  }
  const [email] = await db
    .select({ value: schema.partyIdentifiers.value })
    .from(schema.partyIdentifiers)
    .where(
      and(eq(schema.partyIdentifiers.partyId, resident.partyId), eq(schema.partyIdentifiers.kind, "email")),
    )
    .orderBy(asc(schema.partyIdentifiers.verifiedAt), desc(schema.partyIdentifiers.createdAt));
  if (!email) return { ok: false, field: "text", reason: "invalid" };
  const receivedAt = deps.clock();
  const dueAt = oneMonthAfter(receivedAt);
  const question = await db.transaction((tx) =>
    openQuestion(tx, {
      tenantId: resident.tenantId,
      residentPartyId: resident.partyId,
      topicId: null,
      channel: "portal",
      confidential: false,
      openedAt: receivedAt,
    }),
  );
  const subject =
    kind === "correction"
      ? "Verzoek om correctie van mijn gegevens (AVG artikel 16)"
      : "Verzoek om verwijdering van mijn gegevens (AVG artikel 17)";
  const ingested = await ingestInteraction(deps, {
    tenantId: resident.tenantId,
    interaction: ingestInteractionSchema.parse({
      channel: "portal",
      externalId: `portal-privacy-${randomUUID()}`,
      subject,
      text,
      language: input.language,
      questionId: question.id,
      sender: { identifiers: [{ kind: "email", value: email.value }] },
    }),
  });
  const [officer] = await db
    .select({ id: schema.employees.id })
    .from(schema.employees)
    .where(
      and(
        eq(schema.employees.tenantId, resident.tenantId),
        arrayContains(schema.employees.roles, ["privacy-officer"]),
      ),
    )
    .orderBy(asc(schema.employees.createdAt))
    .limit(1);
  const task = await createTask(
    { db, clock: deps.clock },
    {
      principal: await portalPrincipal(db, resident.tenantId),
      questionId: question.id,
      kind: "back-office",
      assigneeEmployeeId: officer?.id,
      dueAt,
      description: `Voor de privacyfunctionaris: ${subject.toLowerCase()}, ingediend in Mijn gemeente. Wettelijke termijn (AVG art. 12 lid 3): uiterlijk ${dueAt.toISOString().slice(0, 10)}.`,
    },
  );
  await recordPortalAudit(db, {
    tenantId: resident.tenantId,
    actorPartyId: resident.partyId,
    at: receivedAt,
    action: `portal.privacy-request.${kind}`,
    partyIds: [resident.partyId],
    objectType: "task",
    objectIds: [task.id],
    details: { questionId: question.id, interactionId: ingested.interactionId, dueAt: dueAt.toISOString() },
  });
  return { ok: true, reference: question.reference, dueAt };
}
