import type { Db } from "@omniloket/db";
import { buildEffectReport, type Distribution, type EffectReport } from "../features/signal-effect";
import { recordAudit } from "../platform/audit";
import { processPrincipal } from "../platform/auth/principal";
import type { Config } from "../platform/config";
import { withTenantDatabase } from "./with-tenant-database";

const quartiles = (d: Distribution | null) => (d ? `${d.p25} / ${d.median} / ${d.p75}` : "-");
const pct = (share: number | null) => (share === null ? "-" : `${Math.round(share * 100)}%`);

/** The per-rule table and the fairness table, as `omniloket signals effect` prints them. */
export function printEffectReport(report: Omit<EffectReport, "signals">, print: (line: string) => void) {
  print(`Effect van de signaalregels, gemeten op ${report.measuredAt.toISOString().slice(0, 10)}:`);
  print(
    `${"regel".padEnd(22)} ${"gevonden".padStart(8)} ${"geaccepteerd".padStart(12)} ${"afgewezen".padStart(9)} ${"uitgesteld".padStart(10)} ${"open".padStart(5)}`,
  );
  for (const r of report.rules)
    print(
      `${r.ruleId.padEnd(22)} ${String(r.raised).padStart(8)} ${String(r.accepted).padStart(12)} ${String(r.dismissed).padStart(9)} ${String(r.snoozed).padStart(10)} ${String(r.open).padStart(5)}`,
    );
  print("");
  print(
    "Contacten van de inwoner na het accepteren tegen ervoor (minder / gelijk / meer; nog niet te meten);",
  );
  print(
    "verschil na min voor als kwartielen (25% / mediaan / 75%); opgeloste vragen en dagen tot oplossing;",
  );
  print("antwoord op 'Heeft dit u geholpen?' (ja / nee / geen antwoord).");
  print(
    `${"regel".padEnd(22)} ${"30 dagen".padEnd(24)} ${"90 dagen".padEnd(24)} ${"opgelost".padEnd(24)} geholpen`,
  );
  for (const r of report.rules.filter((x) => x.accepted > 0)) {
    const windows = r.windows.map(
      (w) => `${w.fewer}/${w.same}/${w.more}; ${w.notYetMeasurable} ntm; ${quartiles(w.change)}`,
    );
    const resolution = `${r.resolution.resolved}/${r.resolution.questions}; ${quartiles(r.resolution.days)} d`;
    print(
      `${r.ruleId.padEnd(22)} ${(windows[0] ?? "").padEnd(24)} ${(windows[1] ?? "").padEnd(24)} ${resolution.padEnd(24)} ${r.feedback.helped}/${r.feedback.notHelped}/${r.feedback.noAnswer}`,
    );
  }
  if (!report.rules.some((x) => x.accepted > 0)) print("(nog geen geaccepteerde signalen)");
  print("");
  const f = report.fairness;
  print(
    `Eerlijkheid: ${f.residents} inwoners met een vraag (${f.withoutConsent} zonder toestemming voor proactief contact niet meegeteld); groepen onder ${f.minGroupResidents} inwoners: te klein.`,
  );
  const width = Math.max(44, ...f.dimensions.flatMap((d) => d.groups.map((g) => g.label.length)));
  for (const dimension of f.dimensions) {
    print("");
    print(
      `${dimension.label.padEnd(width + 2)} ${"inwoners".padStart(8)} ${"signalen".padStart(8)} ${"per 100".padStart(8)} ${"geaccepteerd".padStart(12)}`,
    );
    for (const g of dimension.groups)
      print(
        g.tooSmall
          ? `  ${g.label.padEnd(width)} ${"te klein".padStart(8)}`
          : `  ${g.label.padEnd(width)} ${String(g.residents).padStart(8)} ${String(g.signalsRaised).padStart(8)} ${String(g.raisedPer100).padStart(8)} ${pct(g.acceptedShare).padStart(12)}`,
      );
  }
}

/** Builds the report for one municipality, logs the read (totals only) and prints it. */
export async function effectAndPrint(
  db: Db,
  tenantId: string,
  print: (line: string) => void,
  now = new Date(),
) {
  const { signals: _each, ...report } = await buildEffectReport(db, { tenantId, now });
  await recordAudit(db, processPrincipal(tenantId, "cli"), now, {
    action: "signals.effect",
    purpose: "quality-supervision",
    partyIds: [],
    details: { totalsOnly: true },
  });
  printEffectReport(report, print);
  return report;
}

/** `omniloket signals effect`: per rule what was decided and its effect, and the fairness per group. */
export async function runSignalsEffect(config: Config, input: { tenantSlug?: string }, print = console.log) {
  return withTenantDatabase(config, input.tenantSlug, (db, tenantId) => effectAndPrint(db, tenantId, print));
}
