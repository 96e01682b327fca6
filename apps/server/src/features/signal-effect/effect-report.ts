import { type Queryable, schema } from "@omniloket/db";
import { SIGNAL_RULES } from "@omniloket/domain";
import { eq } from "drizzle-orm";
import { type FairnessDimension, fairnessGroups, MIN_GROUP_RESIDENTS } from "./fairness-groups";
import { loadFairnessFacts } from "./load-fairness-facts";
import { measureSignalEffects, type SignalEffect } from "./measure-signal-effects";
import { type RuleEffect, summariseRules } from "./summarise-rules";

export type EffectReport = {
  measuredAt: Date;
  rules: RuleEffect[];
  fairness: {
    minGroupResidents: number;
    /** Residents with a question who are counted. */
    residents: number;
    /** Residents left out because they gave no consent for proactive contact. */
    withoutConsent: number;
    dimensions: FairnessDimension[];
  };
  /** Every accepted signal's own effect (personal data: the caller filters and logs). */
  signals: SignalEffect[];
};

/**
 * The effect and fairness report of the helping hand for one municipality at `now`: per rule what was
 * raised and decided and the effect of acting on it, per group the rate of signals raised and
 * accepted, and each accepted signal's effect. Reads only.
 */
export async function buildEffectReport(
  q: Queryable,
  input: { tenantId: string; now: Date },
): Promise<EffectReport> {
  const statuses = await q
    .select({ ruleId: schema.signals.ruleId, status: schema.signals.status })
    .from(schema.signals)
    .where(eq(schema.signals.tenantId, input.tenantId));
  const signals = await measureSignalEffects(q, input);
  const facts = await loadFairnessFacts(q, input.tenantId);
  return {
    measuredAt: input.now,
    rules: summariseRules(
      SIGNAL_RULES.map((r) => r.id),
      statuses,
      signals,
    ),
    fairness: {
      minGroupResidents: MIN_GROUP_RESIDENTS,
      residents: facts.residents.length,
      withoutConsent: facts.withoutConsent,
      dimensions: fairnessGroups(facts.residents, input.now),
    },
    signals: signals.sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime()),
  };
}
