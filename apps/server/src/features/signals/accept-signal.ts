import { type Db, schema } from "@omniloket/db";
import { chooseReplyChannel, type ReplyChannel } from "@omniloket/domain";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { AppError } from "../../platform/errors";
import { questionAccessFor } from "../questions";
import { loadReplyFacts } from "../replies";
import { createTask } from "../tasks";
import { loadOpenSignal } from "./decide-signal";
import { ruleDescription } from "./signal-rules-text";
import { suggestedAction } from "./suggested-action";

const CHANNEL_NL: Record<ReplyChannel, string> = {
  email: "e-mail",
  sms: "sms",
  whatsapp: "WhatsApp",
  phone: "telefoon",
  letter: "brief",
};
const LANGUAGE_NL: Record<string, string> = {
  nld: "Nederlands",
  eng: "Engels",
  nl: "Nederlands",
  en: "Engels",
};

export const noQuestionForOutreach = () =>
  new AppError(
    "signal-no-question",
    "conflict",
    "Er is geen vraag bij dit signaal waarop u een taak mag maken; vraag het team van de vraag om contact op te nemen.",
  );

/**
 * The case guide accepts a signal: an outreach task (through the tasks use case) on the newest of the
 * signal's questions, on the channel the reply rule picks for the resident (their choice for the
 * question, their preference for the topic or in general, else the channel they used last) and in
 * their language. Nothing is sent to the resident: an employee does the outreach and completes the
 * task. The signal is marked accepted and the decision audit-logged, in the same transaction.
 */
export async function acceptSignal(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; signalId: string; note?: string },
) {
  const { principal } = input;
  const now = deps.clock();
  const note = input.note?.trim() || null;
  return deps.db.transaction(async (tx) => {
    const signal = await loadOpenSignal(tx, principal.tenantId, input.signalId);
    const evidence = signal.evidence as { questionIds?: string[]; details?: Record<string, unknown> };
    const candidates = await tx
      .select()
      .from(schema.questions)
      .where(
        and(
          eq(schema.questions.tenantId, principal.tenantId),
          inArray(schema.questions.id, evidence.questionIds?.length ? evidence.questionIds : [signal.id]),
          isNull(schema.questions.mergedIntoId),
        ),
      )
      .orderBy(desc(schema.questions.openedAt));
    // The task is made as any task is, so the question must be one the case guide may handle.
    const mayHandle = await questionAccessFor(tx, principal, "contact-handling");
    const question = candidates.find((q) => mayHandle(q));
    if (!question) throw noQuestionForOutreach();
    const { facts, addresses, language } = await loadReplyFacts(tx, question);
    const choice = chooseReplyChannel(facts);
    const channel = choice.channel;
    const address = channel ? (addresses[channel] ?? null) : null;
    const action = suggestedAction(signal.ruleId, evidence.details ?? {});
    const description = [
      `Proactief contact (casusregie): ${ruleDescription(signal.ruleId)} (regel ${signal.ruleId}, versie ${signal.ruleVersion})`,
      signal.explanation,
      `Voorgestelde actie: ${action.nl}`,
      channel
        ? `Kanaal: ${CHANNEL_NL[channel]}${address ? ` (${address})` : ""}; taal: ${LANGUAGE_NL[language] ?? language}.`
        : `Geen kanaal bekend om de inwoner te bereiken; taal: ${LANGUAGE_NL[language] ?? language}.`,
      note ? `Notitie casusregisseur: ${note}` : null,
      "Er is nog niets naar de inwoner gestuurd.",
    ]
      .filter(Boolean)
      .join("\n");
    const callback = channel === "phone";
    const task = await createTask(
      { db: tx as unknown as Db, clock: deps.clock },
      {
        principal,
        questionId: question.id,
        kind: callback ? "callback" : "back-office",
        ...(channel ? { contactChannel: channel } : {}),
        ...(address ? { contactAddress: address } : {}),
        description,
      },
    );
    await tx
      .update(schema.signals)
      .set({ status: "accepted", decidedAt: now, outreachTaskId: task.id, updatedAt: now })
      .where(eq(schema.signals.id, signal.id));
    await recordAudit(tx, principal, now, {
      action: "signal.accept",
      purpose: "case-guidance",
      partyIds: [signal.partyId],
      objectType: "signal",
      objectIds: [signal.id],
      details: {
        ruleId: signal.ruleId,
        ruleVersion: signal.ruleVersion,
        taskId: task.id,
        questionId: question.id,
        channel,
        channelReason: choice.reason,
        language,
        ...(note ? { note } : {}),
      },
    });
    return {
      id: signal.id,
      status: "accepted" as const,
      channel,
      channelReason: choice.reason,
      language,
      task,
    };
  });
}
