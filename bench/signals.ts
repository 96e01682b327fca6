// (h) signals: (1) the incremental evaluation after a contact — contacts are ingested one at a time through
// the ingest use case into the demo municipality on PostgreSQL, and after each one the signal rules of
// that contact's resident are evaluated and stored exactly as the signals worker does
// (`evaluateResidentSignals` for one party, the tenant's topic model looked up as the worker does);
// (2) a full rescan (`rescanSignals`, as `omniloket signals rescan`) of the largest demo municipality
// built here, in interactions/s, extrapolated linearly to 10M interactions. Both run in this process.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { ingestInteractionSchema } from "@omniloket/contract";
import { createDb, type Database, migrate } from "@omniloket/db";
import { generateMunicipality, loadMunicipality } from "@omniloket/sim";
import { classifyUnknownQuestions } from "../apps/server/src/features/classification";
import { ingestInteraction } from "../apps/server/src/features/ingest";
import { evaluateResidentSignals, rescanSignals } from "../apps/server/src/features/signals";
import { testDeps } from "../apps/server/src/test-support/harness";
import { summariseProfile } from "./cpu-profile";
import type { Settings } from "./settings";
import { freshDatabase, log, ms, num, record, removeTempDir, summarise, tempDir, verdict } from "./support";

const TEN_MILLION = 10_000_000;

type Built = {
  database: Database;
  drop(): Promise<void>;
  tenantId: string;
  interactions: number;
  seconds: number;
};

/** Generates Voorbeeldstad at `residents` and bulk-loads it into a fresh PostgreSQL database. */
async function buildDemo(s: Settings, residents: number): Promise<Built> {
  const started = performance.now();
  const fresh = await freshDatabase(s.databaseUrl, `omniloket_bench_signals_${residents}`);
  const database = await createDb({ kind: "postgres", url: fresh.url });
  try {
    await migrate(database);
    const generated = generateMunicipality({ seed: "1", residents, months: 12 });
    await loadMunicipality(database, generated);
    // As in production, where the classification worker decides a new question's unknown topic shortly
    // after it arrives: the signal rules then read that decision instead of predicting again.
    const classifying = performance.now();
    let classified = 0;
    for (;;) {
      const pass = await classifyUnknownQuestions(
        { db: database.db, clock: () => new Date() },
        { tenantId: generated.tenant.id, limit: 2_000 },
      );
      classified += pass.examined;
      if (pass.examined === 0) break;
    }
    log(
      `signals: ${num(classified)} questions without a topic classified first, in ${((performance.now() - classifying) / 1000).toFixed(0)} s`,
    );
    await database.query("ANALYZE");
    const [row] = await database.query<{ n: string }>("SELECT count(*)::text AS n FROM interactions");
    const seconds = (performance.now() - started) / 1000;
    log(
      `signals: demo of ${num(residents)} residents built in ${seconds.toFixed(0)} s (${num(Number(row?.n))} interactions)`,
    );
    return {
      database,
      tenantId: generated.tenant.id,
      interactions: Number(row?.n ?? 0),
      seconds,
      async drop() {
        await database.close();
        await fresh.drop();
      },
    };
  } catch (error) {
    await database.close();
    await fresh.drop();
    throw error;
  }
}

const TEXTS = [
  "Ik heb nog steeds geen antwoord gekregen over mijn aanvraag.",
  "Wanneer wordt mijn container geleegd? Al twee keer gebeld.",
  "Vraag over de aanslag gemeentelijke belastingen en de WOZ-waarde.",
  "Ik wil een afspraak maken voor een nieuw paspoort.",
  "Kunt u mij terugbellen over de bijzondere bijstand?",
];

/** (1) Ingest a contact, then time the evaluation of its resident; `contacts` times. */
async function incremental(s: Settings, built: Built) {
  const deps = testDeps(built.database);
  const senders = await built.database.query<{ kind: string; value: string }>(
    `SELECT kind, value FROM party_identifiers WHERE tenant_id = $1 AND kind IN ('email', 'phone')
      ORDER BY md5(value) LIMIT $2`,
    [built.tenantId, s.signalsContacts],
  );
  if (senders.length === 0)
    throw new Error("the demo has no residents with an email address or phone number");
  const evaluate: number[] = [];
  const ingest: number[] = [];
  let found = 0;
  const runId = Date.now().toString(36);
  for (let i = 0; i < s.signalsContacts + 20; i++) {
    const sender = senders[i % senders.length] as { kind: string; value: string };
    const t0 = performance.now();
    await ingestInteraction(deps, {
      tenantId: built.tenantId,
      // Parsed as the route parses a request body (defaults filled in).
      interaction: ingestInteractionSchema.parse({
        channel: sender.kind === "email" ? "email" : "sms",
        externalId: `bench-signals-${runId}-${i}`,
        ...(sender.kind === "email" ? { subject: "Vraag aan de gemeente" } : {}),
        text: TEXTS[i % TEXTS.length] as string,
        sender: { identifiers: [{ kind: sender.kind, value: sender.value }] },
      }),
    });
    const t1 = performance.now();
    const [party] = await built.database.query<{ party_id: string }>(
      `SELECT party_id::text FROM party_identifiers WHERE tenant_id = $1 AND kind = $2 AND value = $3`,
      [built.tenantId, sender.kind, sender.value],
    );
    const t2 = performance.now();
    const counts = await evaluateResidentSignals(
      { db: built.database.db, clock: () => new Date() },
      { tenantId: built.tenantId, partyIds: [party?.party_id ?? ""] },
    );
    const t3 = performance.now();
    if (i < 20) continue; // warm-up: prepared statements, the topic model's cache
    ingest.push(t1 - t0);
    evaluate.push(t3 - t2);
    found += Object.values(counts.perRule).reduce((a, r) => a + r.found, 0);
  }
  return { evaluate: summarise(evaluate), ingest: summarise(ingest), found };
}

/** (2) One full rescan, measured; with BENCH_CPU_PROF_SECONDS > 0 a second one under the V8 profiler. */
async function rescan(s: Settings, built: Built) {
  const run = () =>
    rescanSignals({ db: built.database.db, clock: () => new Date() }, { tenantId: built.tenantId });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const counts = await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  let profile: string[] = [];
  if (s.cpuProfSeconds > 0) {
    // A separate pass: the profiler slows the code it samples, so it never touches the measured figure.
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
    await run();
    const { profile: data } = await session.post("Profiler.stop");
    session.disconnect();
    const dir = tempDir("signals-prof");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "rescan.cpuprofile");
    writeFileSync(file, JSON.stringify(data));
    profile = summariseProfile(file);
    removeTempDir(dir);
  }
  return { seconds, nodeCpuSeconds: (cpu.user + cpu.system) / 1e6, residents: counts.residents, profile };
}

export async function benchSignals(s: Settings): Promise<void> {
  const sizes = [...new Set([s.signalsDemoResidents, s.signalsRescanResidents])].sort((a, b) => a - b);
  for (const residents of sizes) {
    const built = await buildDemo(s, residents);
    try {
      const label = `(h) signals, demo of ${num(residents)}`;
      record({
        bench: label,
        figure: "database",
        value: `${num(built.interactions)} interactions, built in ${built.seconds.toFixed(0)} s`,
      });
      if (residents === s.signalsDemoResidents) {
        const inc = await incremental(s, built);
        record({
          bench: label,
          figure: `evaluation of a contact's resident p50 / p99 (${num(inc.evaluate.n)} contacts)`,
          value: `${ms(inc.evaluate.p50)} / ${ms(inc.evaluate.p99)}`,
          target: "p99 ≤ 2 ms",
          verdict: verdict(inc.evaluate.p99 <= 2),
        });
        record({
          bench: label,
          figure: "ingest of that contact p50 / p99 (for scale)",
          value: `${ms(inc.ingest.p50)} / ${ms(inc.ingest.p99)}`,
          verdict: `${num(inc.found)} findings stored or kept`,
        });
      }
      if (residents === s.signalsRescanResidents) {
        const r = await rescan(s, built);
        const perSecond = built.interactions / r.seconds;
        const tenMillionMinutes = TEN_MILLION / perSecond / 60;
        record({
          bench: label,
          figure: `full rescan (${num(r.residents)} residents, measured)`,
          value: `${r.seconds.toFixed(1)} s = ${num(perSecond)} interactions/s`,
          verdict: `bench process busy ${((r.nodeCpuSeconds / r.seconds) * 100).toFixed(0)}% of the time (rest: waiting on PostgreSQL)`,
        });
        record({
          bench: label,
          figure: "rescan of 10M interactions (extrapolated linearly, not measured)",
          value: `${tenMillionMinutes.toFixed(1)} min`,
          target: "≤ 5 min on PostgreSQL",
          verdict: verdict(tenMillionMinutes <= 5),
        });
        if (r.profile.length > 0) {
          console.log(
            "signals: CPU profile of a second rescan (bench process: rules, drizzle, pg driver; not the measured pass)",
          );
          for (const line of r.profile) console.log(`  ${line}`);
        }
      }
    } finally {
      await built.drop();
    }
  }
}
