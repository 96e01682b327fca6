import { type Db, schema } from "@omniloket/db";
import { and, eq } from "drizzle-orm";
import type { PortalWriteResult } from "./continue-question";
import { isUuid, loadOwnQuestion } from "./own-question";
import { recordPortalAudit } from "./portal-audit";
import type { PortalResident } from "./portal-session";

/** The longest comment a resident can give with "Heeft dit u geholpen?". */
export const MAX_FEEDBACK_COMMENT_CHARS = 1000;

export type MyFeedback = { helped: boolean; comment: string | null };

/** What the resident answered before on this question of theirs (shown in the form), or null. */
export async function getMyFeedback(
  db: Db,
  resident: PortalResident,
  questionId: string,
): Promise<MyFeedback | null> {
  if (!isUuid(questionId)) return null;
  const f = schema.questionFeedback;
  const [row] = await db
    .select({ helped: f.helped, comment: f.comment })
    .from(f)
    .where(
      and(eq(f.tenantId, resident.tenantId), eq(f.questionId, questionId), eq(f.partyId, resident.partyId)),
    );
  return row ?? null;
}

/**
 * "Heeft dit u geholpen?": the resident answers yes or no, with a comment if they like, about one of
 * their own questions once it is resolved. Answering again replaces the answer (one per question and
 * resident). The effect measurement of the helping hand reads it. null: not their question (404).
 * The change is audit-logged; the comment itself stays out of the log.
 */
export async function giveQuestionFeedback(
  deps: { db: Db; clock: () => Date },
  resident: PortalResident,
  input: { questionId: string; helped: string; comment: string },
): Promise<PortalWriteResult | null> {
  const { db } = deps;
  const question = await loadOwnQuestion(db, resident, input.questionId);
  if (!question) return null;
  if (question.status !== "resolved") return { ok: false, field: "helped", reason: "not-resolved" };
  if (input.helped !== "ja" && input.helped !== "nee")
    return { ok: false, field: "helped", reason: "missing" };
  // Plain text: control characters (but line ends) dropped, line ends unified, trimmed.
  const comment = input.comment
    .replace(/\r\n?/g, "\n")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "")
    .trim();
  if (comment.length > MAX_FEEDBACK_COMMENT_CHARS) return { ok: false, field: "comment", reason: "too-long" };
  const now = deps.clock();
  const helped = input.helped === "ja";
  const f = schema.questionFeedback;
  await db.transaction(async (tx) => {
    await tx
      .insert(f)
      .values({
        tenantId: resident.tenantId,
        questionId: question.id,
        partyId: resident.partyId,
        helped,
        comment: comment || null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [f.questionId, f.partyId],
        set: { helped, comment: comment || null, updatedAt: now },
      });
    await recordPortalAudit(tx, {
      tenantId: resident.tenantId,
      actorPartyId: resident.partyId,
      at: now,
      action: "portal.question.feedback",
      partyIds: [resident.partyId],
      objectType: "question",
      objectIds: [question.id],
      details: { helped, withComment: comment.length > 0 },
    });
  });
  return { ok: true };
}
