import { createDb, migrate } from "@omniloket/db";
import { STUCK_RULE_IDS } from "@omniloket/domain";
import {
  type GeneratedMunicipality,
  generateMunicipality,
  loadMunicipality,
  type StuckReason,
} from "@omniloket/sim";
import { rescanSignals } from "./rescan-signals";

export type RuleScore = {
  ruleId: string;
  /** What the rule is checked against in the generator's ground truth. */
  truth: string;
  predicted: number;
  actual: number;
  hits: number;
  precision: number;
  recall: number;
};

/** Which of the generator's stuck reasons a rule is meant to find (null: the generator records none). */
export const TRUTH_OF_RULE: Record<string, StuckReason[] | null> = {
  "repeat-contact": ["repeat-contacts"],
  "channel-hopping": ["channel-hopping"],
  "broken-promise": ["broken-callback"],
  reopened: ["reopened"],
  "long-silence": ["never-answered", "long-wait"],
  "escalating-language": null,
  "ping-pong": null,
};

/**
 * Generates the demo municipality, loads it into an in-memory database, runs the rescan at the end of
 * the window, and compares the signals per resident with the generator's ground truth: per rule against
 * the behaviour it is meant to find, all stuck rules together against "stuck", and need clusters
 * against the life events (resident and need). Residents who withdrew consent are left out of the
 * truth, since they are meant to get no signals.
 */
export async function evaluateSignalsOnDemo(input: {
  seed: string;
  residents: number;
  months: number;
  onProgress?(stage: string): void;
}): Promise<{ scores: RuleScore[]; generated: GeneratedMunicipality }> {
  input.onProgress?.("genereren");
  const generated = generateMunicipality({
    seed: input.seed,
    residents: input.residents,
    months: input.months,
  });
  const database = await createDb({ kind: "embedded", dataDir: null });
  try {
    await migrate(database);
    input.onProgress?.("laden");
    await loadMunicipality(database, generated);
    input.onProgress?.("signalen zoeken");
    const end = generated.groundTruth.window.end;
    await rescanSignals(
      { db: database.db, clock: () => end },
      { tenantId: generated.tenant.id, batchSize: 500 },
    );
    const rows = await database.query<{
      party_id: string;
      rule_id: string;
      evidence: { details?: { needId?: string } };
    }>("SELECT party_id, rule_id, evidence FROM signals WHERE tenant_id = $1", [generated.tenant.id]);
    const withdrawn = new Set<string>();
    const latest = new Map<string, { given: boolean; at: number }>();
    for (const c of generated.consents) {
      if (c.purpose !== "proactive-contact") continue;
      const previous = latest.get(c.partyId);
      if (!previous || previous.at <= c.recordedAt.getTime())
        latest.set(c.partyId, { given: c.given, at: c.recordedAt.getTime() });
    }
    for (const [partyId, { given }] of latest) if (!given) withdrawn.add(partyId);
    const residents = generated.groundTruth.residents.filter((r) => !withdrawn.has(r.partyId));
    const byRule = new Map<string, Set<string>>();
    const needs = new Set<string>();
    for (const row of rows) {
      const set = byRule.get(row.rule_id) ?? new Set<string>();
      set.add(row.party_id);
      byRule.set(row.rule_id, set);
      if (row.rule_id === "need-cluster" && row.evidence.details?.needId)
        needs.add(`${row.party_id}|${row.evidence.details.needId}`);
    }
    const score = (ruleId: string, truth: string, predicted: Set<string>, actual: Set<string>): RuleScore => {
      const hits = [...predicted].filter((p) => actual.has(p)).length;
      return {
        ruleId,
        truth,
        predicted: predicted.size,
        actual: actual.size,
        hits,
        precision: predicted.size === 0 ? 0 : hits / predicted.size,
        recall: actual.size === 0 ? 0 : hits / actual.size,
      };
    };
    const scores: RuleScore[] = [];
    for (const ruleId of STUCK_RULE_IDS) {
      const reasons = TRUTH_OF_RULE[ruleId];
      const predicted = byRule.get(ruleId) ?? new Set<string>();
      const actual = new Set(
        reasons === null || reasons === undefined
          ? residents.filter((r) => r.stuck).map((r) => r.partyId)
          : residents
              .filter((r) => r.cases.some((c) => c.stuckReasons.some((x) => reasons.includes(x))))
              .map((r) => r.partyId),
      );
      scores.push(
        score(ruleId, reasons ? reasons.join("+") : "stuck (geen eigen grondwaarheid)", predicted, actual),
      );
    }
    const anyStuck = new Set(STUCK_RULE_IDS.flatMap((id) => [...(byRule.get(id) ?? [])]));
    scores.push(
      score(
        "alle vastloopregels",
        "stuck",
        anyStuck,
        new Set(residents.filter((r) => r.stuck).map((r) => r.partyId)),
      ),
    );
    const start = generated.groundTruth.window.start.getTime();
    const actualNeeds = new Set(
      residents.flatMap((r) =>
        r.lifeEvents
          .filter((e) => e.needId !== null && e.at.getTime() >= start)
          .map((e) => `${r.partyId}|${e.needId}`),
      ),
    );
    scores.push(score("need-cluster", "levensgebeurtenis (inwoner+behoefte)", needs, actualNeeds));
    return { scores, generated };
  } finally {
    await database.close();
  }
}
