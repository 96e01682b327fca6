import { type Db, type Queryable, schema } from "@omniloket/db";
import { evaluateSignals, SIGNAL_RULES, type Signal, type TopicModel } from "@omniloket/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { topicModelAt } from "../classification";
import { privacySettingsFrom } from "../organisation";
import { residentFactsFrom } from "./load-resident-facts";
import { withdrawnFrom } from "./proactive-consent";
import { loadSignalInputs, type SignalInputs } from "./signal-inputs";

/** How far back the rules look by default: a year of contacts. */
export const DEFAULT_LOOKBACK_DAYS = 365;

export type SignalCounts = {
  residents: number;
  /** Residents left out because they withdrew consent for proactive contact. */
  withoutConsent: number;
  /** Open or snoozed signals removed because their resident withdrew consent. */
  removed: number;
  /** Per rule: findings now, and how many of them are new rows. */
  perRule: Record<string, { found: number; added: number }>;
};

export function emptyCounts(): SignalCounts {
  return {
    residents: 0,
    withoutConsent: 0,
    removed: 0,
    perRule: Object.fromEntries(SIGNAL_RULES.map((r) => [r.id, { found: 0, added: 0 }])),
  };
}

/**
 * Evaluates every rule for some residents and stores what they find, idempotently: one row per
 * (tenant, party, rule, key); evaluating again updates evidence, explanation and rule version when
 * they changed and leaves the status (an employee's decision) alone. A resident whose latest consent for
 * proactive contact is withdrawn gets no signals, and their open and snoozed signals are deleted (they
 * were only suggestions; accepted and dismissed ones stay as the record of what an employee decided).
 *
 * Everything is read in one statement (loadSignalInputs) and compared with what is stored, so the
 * common case after a contact (nothing new) is one round trip and no write; only what is new or
 * changed is written, in one transaction.
 */
export async function evaluateResidentSignals(
  deps: { db: Db; clock: () => Date },
  input: {
    tenantId: string;
    partyIds: readonly string[];
    model?: TopicModel | null;
    lookbackDays?: number;
    counts?: SignalCounts;
  },
): Promise<SignalCounts> {
  const partyIds = [...new Set(input.partyIds)];
  if (partyIds.length === 0) return input.counts ?? emptyCounts();
  const loaded = await loadEvaluationInputs(deps, { ...input, partyIds });
  return storeEvaluation(deps, { ...input, ...loaded });
}

/** What one evaluation read: the rows of `signal_inputs` for these residents, as of `now`. */
export type EvaluationInputs = { partyIds: readonly string[]; inputs: SignalInputs; now: Date };

/** The reading half of an evaluation (one round trip), so a rescan can read the next batch meanwhile. */
export async function loadEvaluationInputs(
  deps: { db: Db; clock: () => Date },
  input: { tenantId: string; partyIds: readonly string[]; lookbackDays?: number },
): Promise<EvaluationInputs> {
  const now = deps.clock();
  const since = new Date(now.getTime() - (input.lookbackDays ?? DEFAULT_LOOKBACK_DAYS) * 86_400_000);
  const inputs = await loadSignalInputs(deps.db, {
    tenantId: input.tenantId,
    partyIds: input.partyIds,
    since,
  });
  return { partyIds: input.partyIds, inputs, now };
}

/** The rest of an evaluation: the rules over what was read, and the writes of what is new or changed. */
export async function storeEvaluation(
  deps: { db: Db },
  input: EvaluationInputs & { tenantId: string; model?: TopicModel | null; counts?: SignalCounts },
): Promise<SignalCounts> {
  const counts = input.counts ?? emptyCounts();
  const { tenantId, partyIds, inputs, now } = input;
  const model =
    input.model === undefined
      ? (await topicModelAt(deps.db, tenantId, inputs.modelState)).model
      : input.model;

  const withdrawn = withdrawnFrom(inputs.consents, privacySettingsFrom(inputs.settings), partyIds);
  const toRemove = inputs.existing.filter(
    (s) => withdrawn.has(s.partyId) && (s.status === "open" || s.status === "snoozed"),
  );
  counts.withoutConsent += withdrawn.size;
  const consenting = partyIds.filter((id) => !withdrawn.has(id));
  counts.residents += consenting.length;

  const found: Signal[] = [];
  for (const partyFacts of residentFactsFrom(inputs, consenting, model).values())
    found.push(...evaluateSignals(partyFacts, now));
  const stored = new Map(inputs.existing.map((e) => [`${e.partyId}|${e.ruleId}|${e.key}`, e]));
  const changed: Signal[] = [];
  for (const s of found) {
    const rule = counts.perRule[s.ruleId] ?? { found: 0, added: 0 };
    counts.perRule[s.ruleId] = rule;
    rule.found++;
    const before = stored.get(`${s.partyId}|${s.ruleId}|${s.key}`);
    if (!before) rule.added++;
    if (
      !before ||
      before.ruleVersion !== s.ruleVersion ||
      before.explanation !== s.explanation ||
      canonicalJson(before.evidence) !== canonicalJson(s.evidence)
    )
      changed.push(s);
  }
  if (toRemove.length === 0 && changed.length === 0) return counts;

  const findings = JSON.stringify(
    changed.map((s) => ({
      partyId: s.partyId,
      ruleId: s.ruleId,
      ruleVersion: s.ruleVersion,
      key: s.key,
      evidence: s.evidence,
      explanation: s.explanation,
      detectedAt: s.at.toISOString(),
    })),
  );
  // One statement (store_signal_findings, migration 0016) that does not wait for the disk: findings are
  // derived data an evaluation writes again. Removals after a withdrawn consent wait, with the findings
  // in the same transaction.
  const store = (q: Queryable, durable: boolean) =>
    q.execute(
      sql`SELECT store_signal_findings(${tenantId}::uuid, ${now.toISOString()}::timestamptz, ${findings}::json, ${durable})`,
    );
  if (toRemove.length === 0) {
    await store(deps.db, false);
    return counts;
  }
  await deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(schema.signals)
      .where(
        and(
          eq(schema.signals.tenantId, tenantId),
          inArray(schema.signals.partyId, [...withdrawn]),
          inArray(schema.signals.status, ["open", "snoozed"]),
        ),
      )
      .returning({ id: schema.signals.id });
    counts.removed += removed.length;
    if (changed.length > 0) await store(tx, true);
  });
  return counts;
}

/** JSON with object keys sorted, to compare evidence with what jsonb stored (jsonb reorders keys). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
