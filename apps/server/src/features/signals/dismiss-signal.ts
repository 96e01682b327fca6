import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { invalidInput } from "../../platform/errors";
import { loadOpenSignal } from "./decide-signal";

/**
 * The case guide dismisses a signal with a reason (required: it is the record of why nobody acted).
 * The reason is kept in the audit log with the decision; evaluating again leaves the status alone.
 */
export async function dismissSignal(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; signalId: string; reason: string },
) {
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw invalidInput(
      [{ name: "reason", code: "required", reason: "Geef een reden op (minstens 3 tekens)." }],
      "Geef een reden op waarom u dit signaal afwijst.",
    );
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const signal = await loadOpenSignal(tx, input.principal.tenantId, input.signalId);
    await tx
      .update(schema.signals)
      .set({ status: "dismissed", decidedAt: now, updatedAt: now })
      .where(eq(schema.signals.id, signal.id));
    await recordAudit(tx, input.principal, now, {
      action: "signal.dismiss",
      purpose: "case-guidance",
      partyIds: [signal.partyId],
      objectType: "signal",
      objectIds: [signal.id],
      details: { ruleId: signal.ruleId, ruleVersion: signal.ruleVersion, reason },
    });
    return { id: signal.id, status: "dismissed" as const };
  });
}
