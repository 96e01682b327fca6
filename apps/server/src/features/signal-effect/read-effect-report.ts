import { type Db, schema } from "@omniloket/db";
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import { hasAnyRole, type Principal } from "../../platform/auth/principal";
import type { Purpose, Role } from "../../platform/auth/roles";
import { questionAccessFor } from "../questions";
import { buildEffectReport, type EffectReport } from "./effect-report";

/** Roles that see each accepted signal's own effect (a resident's contacts and feedback); others see totals. */
export const SIGNAL_EFFECT_DETAIL_ROLES: readonly Role[] = ["case-guide", "supervisor"];

export type EffectReportView = Omit<EffectReport, "signals"> & {
  /** Null for roles that see totals only (analysts). */
  signals: EffectReport["signals"] | null;
  /** Accepted signals left out of `signals` because a linked question is outside the caller's need-to-know. */
  hiddenSignals: number;
};

/**
 * The effect and fairness report as the workspace shows it. Totals per rule and per group are for
 * every caller of the route; each accepted signal's own effect only for case guides and supervisors,
 * and only where every linked question is within their need-to-know for the purpose (a question of a
 * sensitive topic is not described by counting its contacts). The read is audit-logged with the
 * residents whose effect was shown and the purpose.
 */
export async function readEffectReport(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; purpose: Purpose },
): Promise<EffectReportView> {
  const { db } = deps;
  const { principal } = input;
  const now = deps.clock();
  const report = await buildEffectReport(db, { tenantId: principal.tenantId, now });
  let signals: EffectReport["signals"] | null = null;
  let hiddenSignals = 0;
  if (hasAnyRole(principal, SIGNAL_EFFECT_DETAIL_ROLES)) {
    const ids = [...new Set(report.signals.flatMap((s) => s.questions.map((x) => x.questionId)))];
    const facts =
      ids.length === 0
        ? []
        : await db
            .select({
              id: schema.questions.id,
              topicId: schema.questions.topicId,
              confidential: schema.questions.confidential,
              teamId: schema.questions.teamId,
            })
            .from(schema.questions)
            .where(and(eq(schema.questions.tenantId, principal.tenantId), inArray(schema.questions.id, ids)));
    const mayRead = await questionAccessFor(db, principal, input.purpose);
    const readable = new Set(facts.filter((f) => mayRead(f)).map((f) => f.id));
    signals = report.signals.filter((s) => s.questions.every((x) => readable.has(x.questionId)));
    hiddenSignals = report.signals.length - signals.length;
  } else hiddenSignals = report.signals.length;
  await recordAudit(db, principal, now, {
    action: "signals.effect",
    purpose: input.purpose,
    partyIds: (signals ?? []).map((s) => s.partyId),
    objectType: "signal",
    objectIds: (signals ?? []).map((s) => s.signalId),
    details: { totalsOnly: signals === null, hiddenSignals },
  });
  return { ...report, signals, hiddenSignals };
}
