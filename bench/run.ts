// Omniloket benchmarks: `npm run bench`. Figures are printed, nothing is asserted; not part of CI.
//
//  (a) ingest  POST /api/v1/interactions through the real server (`node bin/omniloket.mjs start` as a
//              child process) with concurrent autocannon clients: on PostgreSQL beside pgbench TPC-B on
//              the same server in the same run, on PGlite beside a raw PGlite insert loop.
//  (b) timeline  GET /api/v1/residents/{id}/timeline for a resident with 500 interactions in bulk-loaded
//              databases of 100k, 1M and 10M interactions (kept between runs as a cache), beside the
//              raw SQL time of the same query.
//  (c) memory  resident memory of `npm start` on a fresh embedded data directory (demo loaded on the
//              first start), and the time from spawn to serving.
//  (d) channels  inbound email over the server's built-in SMTP port (nodemailer pooled clients sending
//              plain, HTML, attachment and reply mails), signed Twilio SMS and WhatsApp Cloud API webhooks
//              (autocannon, every request signed), each in messages/s stored and as a ratio to the generic
//              API channel (POST /api/v1/interactions) measured on the same server child in the same run.
//  (e) workspace  the agent's inbox (GET /api/v1/inbox: first page, team+status filter, a deeper page by
//              cursor) and question view (GET /api/v1/questions/{id}) on a cached database of 1M questions,
//              beside the raw SQL page query; and live delivery over SSE: N open GET /api/v1/events streams
//              on the server child while contacts are ingested one at a time (workspace.ts).
//  (f) chat    the web chat widget's size as a site downloads it (minified, gzipped), and the round
//              trip visitor → employee's live stream → employee's answer → visitor's stream with N
//              chats open at once on the server child (chat.ts).
//  (g) portal  the residents' pages on the demo municipality: page weight (HTML + stylesheet; no scripts,
//              images or fonts) and time to first byte, logged in through the real email code (portal.ts).
//  (h) signals  the signal rules (signals.ts): the evaluation of one resident right after each contact is
//              ingested (as the signals worker does it), p50/p99 on the demo municipality; and a full
//              rescan (`rescanSignals`) of the largest demo built, in interactions/s, extrapolated to 10M.
//
// Settings (environment variables):
//   BENCH_ONLY               ingest,timeline,memory,channels,workspace,chat,portal,signals   which to run
//   BENCH_WORKSPACE_SIZE     1m                       (e) questions in the cached workspace database (about 3.5 GiB at 1m)
//   BENCH_WORKSPACE_REQUESTS 300                      (e) timed requests per inbox and question-view figure
//   BENCH_WORKSPACE_DEEPER_PAGES 20                   (e) the deeper inbox page is about this many pages in
//   BENCH_SSE_STREAMS        200                      (e) open event streams (one agent session each)
//   BENCH_SSE_RATE           20                       (e) contacts ingested per second, one at a time
//   BENCH_SSE_SECONDS        10                       (e) for this long
//   BENCH_CHAT_SESSIONS      200                      (f) chats open at once
//   BENCH_CHAT_ROUND_TRIPS   5                        (f) round trips per chat
//   BENCH_CHAT_THINK_SECONDS 10,2                     (f) a visitor's average pause between lines; one
//                                                     run per value (10 s: a quick typist; 2 s: stress)
//   BENCH_PORTAL_DEMO_RESIDENTS 5000                  (g) size of the demo municipality (as `omniloket start`)
//   BENCH_PORTAL_REQUESTS    500                      (g) timed page requests (my questions and each question)
//   BENCH_SIGNALS_DEMO_RESIDENTS 5000                 (h) demo size for the per-contact evaluation
//   BENCH_SIGNALS_RESCAN_RESIDENTS 20000              (h) demo size for the full rescan (about 2–3 min to build)
//   BENCH_SIGNALS_CONTACTS   500                      (h) contacts ingested and evaluated one at a time (after 20 warm-up)
//   BENCH_INGEST_BACKENDS    postgres,pglite          (a) on which databases
//   BENCH_DURATION_SECONDS   30                       (a, d) length of each ingest run, of pgbench, of the raw PGlite
//                                                         loop and of each channel phase (after a 3 s warm-up)
//   BENCH_CONNECTIONS        32                       (a, d) concurrent HTTP clients on PostgreSQL (API and webhooks)
//   BENCH_SMTP_CLIENTS       8                        (d) concurrent SMTP connections sending inbound email
//   BENCH_PGLITE_CONNECTIONS 8                        (a) concurrent HTTP clients on PGlite (one connection inside)
//   BENCH_PGBENCH_SCALE      32                       (a) pgbench -i -s
//   BENCH_PGBENCH_CLIENTS    32                       (a) pgbench -c
//   BENCH_PGBENCH_THREADS    2                        (a) pgbench -j
//   BENCH_CPU_PROF_SECONDS   0                        (a) >0: one more PostgreSQL ingest run of this length with
//                                                         --cpu-prof on the server child, summarised (top functions);
//                                                     (h) >0: the rescan runs under the V8 profiler, summarised
//   BENCH_SIZES              100k,1m,10m              (b) database sizes in interactions (k and m suffixes)
//   BENCH_TIMELINE_REQUESTS  500                      (b) timed requests per figure
//   BENCH_REBUILD            0                        (b) 1: rebuild the cached timeline databases
//   BENCH_MEMORY_REQUESTS    200                      (c) API requests before the second reading
//   BENCH_DATABASE_URL       postgres://postgres@127.0.0.1:5432/postgres
//                            admin URL of a PostgreSQL 15 server on this machine (loopback only; a Unix
//                            socket works too: postgres://postgres@localhost/postgres?host=/var/run/postgresql).
//                            The benchmarks create omniloket_bench_* databases there. The timeline ones
//                            (100k: 0.1 GiB, 1m: 0.9 GiB, 10m: 9 GiB) stay as the cache, recognised by their
//                            bench_cache marker row; drop them by hand (DROP DATABASE omniloket_bench_timeline_…)
//                            or rebuild with BENCH_REBUILD=1. The others are dropped after use, also on Ctrl-C.
//
// The machine has 2 cores: PostgreSQL, the server child and the load generator share them, and so do any
// other sessions' tests; each ingest figure prints who used how much CPU ("other processes" included).

import { type ChannelPhase, measureChannels } from "./channels";
import { benchChat } from "./chat";
import { ingestOnPglite, ingestOnPostgres } from "./ingest";
import { measureMemory } from "./memory";
import { runPgbench } from "./pgbench";
import { benchPortal } from "./portal";
import { printSettings, readSettings, type Settings } from "./settings";
import { benchSignals } from "./signals";
import {
  assertLoopback,
  checkpoint,
  cleanupAll,
  installSignalHandlers,
  log,
  mib,
  ms,
  num,
  OTHER,
  printTable,
  record,
  results,
  verdict,
} from "./support";
import { measureTimeline, type TimelineFigures } from "./timeline";
import {
  buildTimelineDatabase,
  cachedTimelineDatabase,
  databaseSize,
  freeBytesForPostgres,
  timelineDatabaseName,
} from "./timeline-load";
import { measureSse, measureWorkspace } from "./workspace";
import { buildWorkspaceDatabase, cachedWorkspaceDatabase, workspaceDatabaseName } from "./workspace-load";

const GiB = 1024 ** 3;
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
const cpuFigures = (cpu: Record<string, number>, keys: string[]) =>
  keys.map((k) => num(cpu[k] ?? Number.NaN)).join(" / ");

async function benchIngest(s: Settings): Promise<void> {
  if (s.ingestBackends.includes("postgres")) {
    const ingest = await ingestOnPostgres(s);
    // pgbench failing (not installed, say) must not lose the ingest figures.
    const pgbench = await runPgbench(s).catch((error: Error) => {
      console.error(`pgbench failed: ${error.message}`);
      return null;
    });
    const r = ratio(ingest.tps, pgbench?.tps ?? Number.NaN);
    const clients = `${ingest.connections} clients, ${s.durationSeconds} s, server pool 10`;
    record({
      bench: "(a) ingest PostgreSQL",
      figure: `contacts/s (${clients})`,
      value: num(ingest.tps, 1),
      target: pgbench ? `≥ 0.3 × pgbench = ${num(0.3 * pgbench.tps, 1)}` : "≥ 0.3 × pgbench",
      verdict: pgbench ? `${r.toFixed(3)} × pgbench, ${verdict(r >= 0.3)}` : "pgbench failed: no ratio",
    });
    record({
      bench: "(a) ingest PostgreSQL",
      figure: "latency p50 / p99",
      value: `${ms(ingest.p50)} / ${ms(ingest.p99)}`,
    });
    record({
      bench: "(a) ingest PostgreSQL",
      figure: "errors (non-201, socket, timeouts)",
      value: num(ingest.errors),
    });
    record({
      bench: "(a) ingest PostgreSQL",
      figure: "CPU % of a core: server / postgres / loadgen / other",
      value: cpuFigures(ingest.cpu, [
        "server child",
        "postgres (all backends)",
        "load generator (bench process)",
        OTHER,
      ]),
      target: "machine = 200",
    });
    if (pgbench) {
      record({
        bench: "(a) pgbench TPC-B",
        figure: `tps (-s ${s.pgbenchScale} -c ${s.pgbenchClients} -j ${s.pgbenchThreads} -T ${s.durationSeconds})`,
        value: num(pgbench.tps, 1),
      });
      record({
        bench: "(a) pgbench TPC-B",
        figure: "latency p50 / p99",
        value: `${ms(pgbench.p50)} / ${ms(pgbench.p99)}`,
      });
      record({
        bench: "(a) pgbench TPC-B",
        figure: "CPU % of a core: postgres / pgbench / other",
        value: cpuFigures(pgbench.cpu, ["postgres (all backends)", "pgbench client", OTHER]),
      });
    } else {
      record({ bench: "(a) pgbench TPC-B", figure: "FAILED", value: "see the log above" });
    }
  }
  if (s.ingestBackends.includes("pglite")) {
    const { server, raw } = await ingestOnPglite(s);
    const r = ratio(server.tps, raw.tps);
    record({
      bench: "(a) ingest PGlite",
      figure: `contacts/s (${server.connections} clients, ${s.durationSeconds} s)`,
      value: num(server.tps, 1),
      verdict: `${r.toFixed(3)} × raw PGlite loop`,
    });
    record({
      bench: "(a) ingest PGlite",
      figure: "latency p50 / p99",
      value: `${ms(server.p50)} / ${ms(server.p99)}`,
    });
    record({ bench: "(a) ingest PGlite", figure: "errors", value: num(server.errors) });
    record({
      bench: "(a) ingest PGlite",
      figure: "CPU % of a core: server / loadgen / other",
      value: cpuFigures(server.cpu, ["server child", "load generator (bench process)", OTHER]),
    });
    record({ bench: "(a) raw PGlite loop", figure: "1-row transactions/s", value: num(raw.tps, 1) });
  }
}

async function benchTimeline(s: Settings): Promise<void> {
  const figures: TimelineFigures[] = [];
  for (const n of [...s.sizes].sort((a, b) => a - b)) {
    const name = timelineDatabaseName(n);
    let db = s.rebuild ? null : await cachedTimelineDatabase(s.databaseUrl, n);
    if (db) {
      log(
        `timeline ${name}: cached (built earlier in ${db.buildSeconds.toFixed(0)} s, ${(db.sizeBytes / GiB).toFixed(2)} GiB)`,
      );
    } else {
      // Room check: bytes per interaction of the largest smaller database built, else an estimate.
      const built = figures.at(-1);
      const perInteraction = built ? built.db.sizeBytes / built.db.interactions : 1_500;
      const needed = n * perInteraction * 1.3 + 4 * GiB;
      const { free, path } = await freeBytesForPostgres(s.databaseUrl);
      log(
        `timeline ${name}: needs about ${(needed / GiB).toFixed(1)} GiB, ${(free / GiB).toFixed(1)} GiB free on ${path}`,
      );
      if (free < needed) {
        const reason = `skipped: not enough disk (${(free / GiB).toFixed(1)} GiB free, about ${(needed / GiB).toFixed(1)} GiB needed)`;
        log(`timeline ${name}: ${reason}`);
        record({ bench: `(b) timeline ${num(n)}`, figure: "—", value: reason });
        continue;
      }
      db = await buildTimelineDatabase(s.databaseUrl, n);
    }
    db.sizeBytes = await databaseSize(s.databaseUrl, db.name);
    await checkpoint(s.databaseUrl);
    const f = await measureTimeline(s, db);
    figures.push(f);
    const label = `(b) timeline ${num(n)}`;
    record({
      bench: label,
      figure: "database",
      value: `${(db.sizeBytes / GiB).toFixed(2)} GiB, ${db.cached ? "cached" : "built"} (build ${db.buildSeconds.toFixed(0)} s)`,
    });
    record({
      bench: label,
      figure: "HTTP first page p50 / p99",
      value: `${ms(f.first.p50)} / ${ms(f.first.p99)}`,
    });
    record({
      bench: label,
      figure: "HTTP deeper pages (cursor) p50 / p99",
      value: `${ms(f.deeper.p50)} / ${ms(f.deeper.p99)}`,
    });
    record({
      bench: label,
      figure: "raw SQL first page p50 / p99",
      value: `${ms(f.rawFirst.p50)} / ${ms(f.rawFirst.p99)}`,
      verdict: `HTTP p50 = ${ratio(f.first.p50, f.rawFirst.p50).toFixed(1)} × raw`,
    });
    record({
      bench: label,
      figure: "raw SQL deeper p50 / p99",
      value: `${ms(f.rawDeeper.p50)} / ${ms(f.rawDeeper.p99)}`,
    });
    record({
      bench: label,
      figure: "EXPLAIN ANALYZE execution first / last page",
      value: `${ms(f.explainMs)} / ${ms(f.explainDeeperMs)}`,
    });
  }
  const smallest = figures.find((f) => f.db.interactions === 100_000) ?? figures[0];
  const largest = figures.at(-1);
  if (largest && smallest) {
    const p99 = Math.max(largest.first.p99, largest.deeper.p99);
    const base = Math.max(smallest.first.p99, smallest.deeper.p99);
    const growth = ratio(p99, base);
    record({
      bench: "(b) timeline target",
      figure: `p99 at ${num(largest.db.interactions)} (worst of first/deeper)`,
      value: ms(p99),
      target: "≤ 20 ms",
      verdict: verdict(p99 <= 20),
    });
    record({
      bench: "(b) timeline target",
      figure: `p99 ${num(largest.db.interactions)} / p99 ${num(smallest.db.interactions)}`,
      value: growth.toFixed(2),
      target: "< 2",
      verdict: verdict(growth < 2),
    });
  }
}

async function benchMemory(s: Settings): Promise<void> {
  const m = await measureMemory(s);
  const peak = Math.max(m.afterStart.hwm, m.afterRequests.hwm);
  record({
    bench: "(c) memory npm start",
    figure: "spawn → serving",
    value: `${(m.readyMs / 1000).toFixed(1)} s`,
    target: "≤ 60 s",
    verdict: `${verdict(m.readyMs <= 60_000)}; ${m.demo}`,
  });
  record({
    bench: "(c) memory npm start",
    figure: "VmRSS 5 s after start",
    value: mib(m.afterStart.rss),
    target: "≤ 1536 MiB",
    verdict: verdict(m.afterStart.rss <= 1.5 * GiB),
  });
  record({
    bench: "(c) memory npm start",
    figure: `VmRSS after ${s.memoryRequests} requests`,
    value: mib(m.afterRequests.rss),
    target: "≤ 1536 MiB",
    verdict: verdict(m.afterRequests.rss <= 1.5 * GiB),
  });
  record({
    bench: "(c) memory npm start",
    figure: "VmHWM (peak)",
    value: mib(peak),
    target: "≤ 1536 MiB",
    verdict: verdict(peak <= 1.5 * GiB),
  });
}

async function benchChannels(s: Settings): Promise<void> {
  const { api, email, sms, whatsapp } = await measureChannels(s);
  const rows: Array<[string, ChannelPhase, string]> = [
    ["(d) channels API", api, "contacts/s ingested (201)"],
    ["(d) channels email SMTP", email, "messages/s parsed + ingested (250)"],
    ["(d) channels SMS Twilio", sms, "messages/s ingested (200)"],
    ["(d) channels WhatsApp", whatsapp, "messages/s ingested (200)"],
  ];
  for (const [bench, p, unit] of rows) {
    record({
      bench,
      figure: `${unit} (${p.clients} clients, ${p.seconds.toFixed(0)} s)`,
      value: num(p.tps, 1),
      verdict:
        p === api ? "reference (generic API channel)" : `${ratio(p.tps, api.tps).toFixed(3)} × generic API`,
    });
    record({ bench, figure: "latency per message p50 / p99", value: `${ms(p.p50)} / ${ms(p.p99)}` });
    record({
      bench,
      figure: "accepted / stored / errors",
      value: `${num(p.ok)} / ${num(p.stored)} / ${num(p.errors)}`,
      verdict:
        p.ok === p.stored
          ? "all accepted stored"
          : p.stored > p.ok && p.stored <= p.ok + p.clients
            ? `all accepted stored (+${p.stored - p.ok} in flight at the end)`
            : "MISMATCH accepted ≠ stored",
    });
    record({
      bench,
      figure: "CPU % of a core: server / postgres / loadgen / other",
      value: cpuFigures(p.cpu, [
        "server child",
        "postgres (all backends)",
        "load generator (bench process)",
        OTHER,
      ]),
    });
  }
}

async function benchWorkspace(s: Settings): Promise<void> {
  const n = s.workspaceSize;
  const name = workspaceDatabaseName(n);
  const label = `(e) workspace ${num(n)} questions`;
  let db = s.rebuild ? null : await cachedWorkspaceDatabase(s.databaseUrl, n);
  if (db) {
    log(
      `workspace ${name}: cached (built earlier in ${db.buildSeconds.toFixed(0)} s, ${(db.sizeBytes / GiB).toFixed(2)} GiB)`,
    );
  } else {
    const needed = n * 3_600 * 1.3 + 4 * GiB;
    const { free, path } = await freeBytesForPostgres(s.databaseUrl);
    log(
      `workspace ${name}: needs about ${(needed / GiB).toFixed(1)} GiB, ${(free / GiB).toFixed(1)} GiB free on ${path}`,
    );
    if (free < needed) {
      record({
        bench: label,
        figure: "—",
        value: `skipped: not enough disk (${(free / GiB).toFixed(1)} GiB free)`,
      });
    } else db = await buildWorkspaceDatabase(s.databaseUrl, n);
  }
  if (db) {
    await checkpoint(s.databaseUrl);
    const f = await measureWorkspace(s, db);
    const p99 = Math.max(f.first.p99, f.filtered.p99, f.deeper.p99);
    record({
      bench: label,
      figure: "database",
      value: `${(db.sizeBytes / GiB).toFixed(2)} GiB, ${num(db.interactions)} interactions, ${db.cached ? "cached" : "built"} (build ${db.buildSeconds.toFixed(0)} s)`,
    });
    const rows: Array<[string, typeof f.first, typeof f.first]> = [
      ["inbox first page", f.first, f.rawFirst],
      ["inbox team + status filter", f.filtered, f.rawFiltered],
      [`inbox page ${f.deeperPage} (cursor)`, f.deeper, f.rawDeeper],
    ];
    for (const [figure, http, raw] of rows) {
      record({
        bench: label,
        figure: `HTTP ${figure} p50 / p99`,
        value: `${ms(http.p50)} / ${ms(http.p99)}`,
      });
      record({
        bench: label,
        figure: `raw SQL ${figure} p50 / p99`,
        value: `${ms(raw.p50)} / ${ms(raw.p99)}`,
        verdict: `HTTP p50 = ${ratio(http.p50, raw.p50).toFixed(1)} × raw`,
      });
    }
    record({
      bench: label,
      figure: "inbox p99 (worst of first/filtered/deeper)",
      value: ms(p99),
      target: n >= 1_000_000 ? "≤ 50 ms" : "≤ 50 ms (at 1M)",
      verdict: verdict(p99 <= 50) + (n < 1_000_000 ? " (below 1M: indicative)" : ""),
    });
    record({
      bench: label,
      figure: `question view p50 / p99 (${f.view.n} random)`,
      value: `${ms(f.view.p50)} / ${ms(f.view.p99)}`,
      target: "p99 ≤ 30 ms",
      verdict: verdict(f.view.p99 <= 30),
    });
  }
  const sse = await measureSse(s);
  const sseLabel = `(e) workspace SSE ${sse.streams} streams`;
  record({
    bench: sseLabel,
    figure: `ingest → stream p50 / p99 (${sse.events} contacts, ${s.sseRate}/s, from send)`,
    value: `${ms(sse.fromSend.p50)} / ${ms(sse.fromSend.p99)}`,
    target: `p99 ≤ 200 ms with 200 streams`,
    verdict:
      verdict(sse.fromSend.p99 <= 200 && sse.missed === 0) + (sse.streams < 200 ? " (fewer streams)" : ""),
  });
  record({
    bench: sseLabel,
    figure: "from the 201 p50 / p99",
    value: `${ms(sse.from201.p50)} / ${ms(sse.from201.p99)}`,
  });
  record({
    bench: sseLabel,
    figure: "POST /interactions p50 / p99",
    value: `${ms(sse.ingest.p50)} / ${ms(sse.ingest.p99)}`,
  });
  record({
    bench: sseLabel,
    figure: "(event, stream) pairs received / missed",
    value: `${num(sse.received)} / ${num(sse.missed)}`,
    verdict: sse.missed === 0 ? "none missed" : "MISSED events",
  });
}

async function main(): Promise<void> {
  installSignalHandlers();
  const s = readSettings();
  assertLoopback(s.databaseUrl);
  await printSettings(s);
  const started = performance.now();
  // The timeline runs first: it measures inside this process, which later fills up with the raw
  // PGlite loop and the load generator. The summary is printed in the order (a), (b), (c).
  const benches: Array<[string, (s: Settings) => Promise<void>]> = [
    ["timeline", benchTimeline],
    ["ingest", benchIngest],
    ["memory", benchMemory],
    ["channels", benchChannels],
    ["workspace", benchWorkspace],
    ["chat", benchChat],
    ["portal", benchPortal],
    ["signals", benchSignals],
  ];
  let failed = false;
  for (const [name, bench] of benches) {
    if (!s.only.includes(name)) continue;
    console.log(`\n=== ${name} ===`);
    try {
      await bench(s);
    } catch (error) {
      failed = true;
      console.error(
        `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      record({
        bench: name,
        figure: "FAILED",
        value: (error instanceof Error ? error.message : String(error)).split("\n")[0]?.slice(0, 120) ?? "",
      });
    }
  }
  await cleanupAll();
  console.log(
    `\n=== summary (${((performance.now() - started) / 60_000).toFixed(1)} min; settings above) ===`,
  );
  printTable([...results].sort((a, b) => a.bench.slice(0, 3).localeCompare(b.bench.slice(0, 3))));
  console.log(
    `settings: ${Object.entries(s)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
      .join(" ")}`,
  );
  process.exitCode = failed ? 1 : 0;
}

await main();
