import type { Db } from "@omniloket/db";
import { SIGNAL_RULES } from "@omniloket/domain";
import { evaluateSignalsOnDemo, rescanSignals, type SignalCounts } from "../features/signals";
import type { Config } from "../platform/config";
import { withTenantDatabase } from "./with-tenant-database";

export function printCounts(counts: SignalCounts, print: (line: string) => void) {
  print(
    `${counts.residents} inwoners beoordeeld; ${counts.withoutConsent} zonder toestemming voor proactief contact overgeslagen (${counts.removed} open signalen verwijderd).`,
  );
  print(`${"regel".padEnd(22)} ${"gevonden".padStart(8)} ${"nieuw".padStart(6)}  versie`);
  for (const rule of SIGNAL_RULES) {
    const c = counts.perRule[rule.id] ?? { found: 0, added: 0 };
    print(
      `${rule.id.padEnd(22)} ${String(c.found).padStart(8)} ${String(c.added).padStart(6)}  v${rule.version}`,
    );
  }
}

/** The rescan with its progress and the counts per rule, as the CLI prints them. */
export async function rescanAndPrint(db: Db, tenantId: string, print: (line: string) => void) {
  const counts = await rescanSignals(
    { db, clock: () => new Date() },
    { tenantId, onProgress: (done) => print(`… ${done} inwoners`) },
  );
  printCounts(counts, print);
  return counts;
}

/** `omniloket signals rescan`: evaluate every rule for every resident of a municipality. */
export async function runSignalsRescan(config: Config, input: { tenantSlug?: string }, print = console.log) {
  return withTenantDatabase(config, input.tenantSlug, (db, tenantId) => rescanAndPrint(db, tenantId, print));
}

const f = (x: number) => x.toFixed(3);

/** `omniloket signals evaluate-demo`: recall and precision per rule against the generator's ground truth. */
export async function runSignalsEvaluateDemo(
  input: { seed: string; residents: number; months: number },
  print = console.log,
) {
  const { scores } = await evaluateSignalsOnDemo({ ...input, onProgress: (stage) => print(`… ${stage}`) });
  print(
    `Signalen op Voorbeeldstad (seed ${input.seed}, ${input.residents} inwoners, ${input.months} maanden):`,
  );
  print(
    `${"regel".padEnd(22)} ${"precision".padStart(9)} ${"recall".padStart(7)} ${"signalen".padStart(8)} ${"waar".padStart(6)}  grondwaarheid`,
  );
  for (const s of scores)
    print(
      `${s.ruleId.padEnd(22)} ${f(s.precision).padStart(9)} ${f(s.recall).padStart(7)} ${String(s.predicted).padStart(8)} ${String(s.actual).padStart(6)}  ${s.truth}`,
    );
  return scores;
}
