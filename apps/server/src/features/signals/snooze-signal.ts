import { type Db, schema } from "@omniloket/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit";
import type { Principal } from "../../platform/auth/principal";
import { invalidInput } from "../../platform/errors";
import { loadOpenSignal } from "./decide-signal";

const MAX_SNOOZE_MS = 366 * 86_400_000;

/**
 * The case guide puts a signal aside until a date: it leaves the worklist and returns once the date has
 * passed. The date is kept on the signal (`snoozed_until`) and with the decision in the audit log.
 */
export async function snoozeSignal(
  deps: { db: Db; clock: () => Date },
  input: { principal: Principal; signalId: string; until: Date },
) {
  const now = deps.clock();
  const ahead = input.until.getTime() - now.getTime();
  if (!(ahead > 0 && ahead <= MAX_SNOOZE_MS))
    throw invalidInput(
      [{ name: "until", code: "out-of-range", reason: "Kies een datum in de komende twaalf maanden." }],
      "Kies een datum in de komende twaalf maanden.",
    );
  return deps.db.transaction(async (tx) => {
    const signal = await loadOpenSignal(tx, input.principal.tenantId, input.signalId);
    await tx
      .update(schema.signals)
      .set({ status: "snoozed", decidedAt: now, snoozedUntil: input.until, updatedAt: now })
      .where(eq(schema.signals.id, signal.id));
    await recordAudit(tx, input.principal, now, {
      action: "signal.snooze",
      purpose: "case-guidance",
      partyIds: [signal.partyId],
      objectType: "signal",
      objectIds: [signal.id],
      details: { ruleId: signal.ruleId, ruleVersion: signal.ruleVersion, until: input.until.toISOString() },
    });
    return { id: signal.id, status: "snoozed" as const, until: input.until };
  });
}
