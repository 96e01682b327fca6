// (a) Ingest through the HTTP API channel: the real server as a child process (`node bin/omniloket.mjs
// start`), loaded by autocannon from this process. On PostgreSQL beside pgbench TPC-B (pgbench.ts);
// on PGlite beside a raw PGlite insert loop (one row per transaction) for the same duration.
import { createDb } from "@omniloket/db";
import { mainThreadProfile, summariseProfile } from "./cpu-profile";
import { ingestLoad, type LoadResult, REPEAT_SHARE } from "./load";
import type { Settings } from "./settings";
import {
  checkpoint,
  formatCpu,
  freePort,
  freshDatabase,
  log,
  memoryOfTree,
  mib,
  monitorCpu,
  ms,
  num,
  postgresPids,
  processTree,
  removeTempDir,
  runCli,
  type ServerChild,
  startServer,
  stopChild,
  tempDir,
  withAdmin,
} from "./support";

const WARMUP_SECONDS = 3;

export type IngestFigures = LoadResult & {
  connections: number;
  cpu: Record<string, number>;
  serverRss: number;
};

/** A tenant and a system token through the CLI, as an operator would (no server running yet). */
async function setUp(env: NodeJS.ProcessEnv): Promise<string> {
  await runCli(["tenant", "add", "--slug", "bench", "--name", "Bench"], env);
  const out = await runCli(["token", "create", "--name", "bench"], env);
  const token = /olt_[A-Za-z0-9_-]+/.exec(out)?.[0];
  if (!token) throw new Error(`token create printed no olt_ token:\n${out}`);
  return token;
}

async function measured(
  server: ServerChild,
  token: string,
  connections: number,
  seconds: number,
  withPostgres: boolean,
): Promise<IngestFigures> {
  await ingestLoad({ url: server.url, token, connections, seconds: WARMUP_SECONDS, runId: `w${Date.now()}` });
  const groups: Record<string, () => number[]> = { "server child": () => processTree(server.pid) };
  if (withPostgres) groups["postgres (all backends)"] = postgresPids;
  const monitor = monitorCpu(groups, "load generator (bench process)");
  const load = await ingestLoad({ url: server.url, token, connections, seconds, runId: `m${Date.now()}` });
  const cpu = monitor.stop();
  return { ...load, connections, cpu, serverRss: memoryOfTree(server.pid).hwm };
}

function report(label: string, f: IngestFigures): void {
  log(
    `${label}: ${num(f.tps, 1)} contacts/s (${num(f.ok)} stored in ${f.seconds.toFixed(1)} s, ${f.connections} clients), ` +
      `latency p50 ${ms(f.p50)} p99 ${ms(f.p99)}, errors ${f.errors}, statuses ${JSON.stringify(f.statuses)}`,
  );
  log(
    `  sender mix: ${num(f.repeats)} from a known address (${REPEAT_SHARE * 100}% aimed), ${num(f.quoted)} quoting a reference`,
  );
  log(`  CPU over the run (100% = one core, the machine has 2): ${formatCpu(f.cpu)}`);
  log(`  server peak RSS (VmHWM) ${mib(f.serverRss)}`);
  if (f.firstError) log(`  first error: ${f.firstError}`);
}

export async function ingestOnPostgres(s: Settings): Promise<IngestFigures> {
  const database = await freshDatabase(s.databaseUrl, "omniloket_bench_ingest");
  const dataDir = tempDir("ingest-pg");
  try {
    const env = {
      DATABASE_URL: database.url,
      OMNILOKET_DATA_DIR: dataDir,
      OMNILOKET_DEMO: "0",
      HOST: "127.0.0.1",
    };
    const token = await setUp(env);
    const server = await startServer({ ...env, PORT: String(await freePort()) });
    log(
      `ingest/PostgreSQL: server child pid ${server.pid} at ${server.url}, ready in ${(server.readyMs / 1000).toFixed(1)} s`,
    );
    let figures: IngestFigures;
    try {
      await checkpoint(s.databaseUrl);
      figures = await measured(server, token, s.connections, s.durationSeconds, true);
    } finally {
      await stopChild(server.child);
    }
    report("ingest/PostgreSQL", figures);
    const [counts] = await withAdmin(database.url, (db) =>
      db.query<{ interactions: string; parties: string; questions: string }>(
        "SELECT (SELECT count(*) FROM interactions)::text AS interactions, (SELECT count(*) FROM parties)::text AS parties, (SELECT count(*) FROM questions)::text AS questions",
      ),
    );
    log(
      `  database after warm-up + run: ${counts?.interactions} interactions, ${counts?.parties} parties, ${counts?.questions} questions`,
    );
    if (s.cpuProfSeconds > 0) await profileIngest(env, token, s);
    return figures;
  } finally {
    await database.drop();
    removeTempDir(dataDir);
  }
}

/** A separate short run with `--cpu-prof` on the server child; its figures are not used. */
async function profileIngest(env: NodeJS.ProcessEnv, token: string, s: Settings): Promise<void> {
  const dir = tempDir("cpu-prof");
  const server = await startServer(
    { ...env, PORT: String(await freePort()) },
    { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`] },
  );
  try {
    const load = await ingestLoad({
      url: server.url,
      token,
      connections: s.connections,
      seconds: s.cpuProfSeconds,
      runId: `p${Date.now()}`,
    });
    log(`profiled run (${s.cpuProfSeconds} s, under --cpu-prof): ${num(load.tps, 1)} contacts/s`);
  } finally {
    await stopChild(server.child);
  }
  const file = mainThreadProfile(dir);
  if (!file) {
    log("no .cpuprofile written (the server did not exit through process.exit?)");
    return;
  }
  for (const line of summariseProfile(file)) console.log(`    ${line}`);
  console.log(`    (profile kept while this run lasts: ${file})`);
}

export async function ingestOnPglite(
  s: Settings,
): Promise<{ server: IngestFigures; raw: { tps: number; rows: number; seconds: number } }> {
  const dataDir = tempDir("ingest-pglite");
  let figures: IngestFigures;
  try {
    const env = { DATABASE_URL: "", OMNILOKET_DATA_DIR: dataDir, OMNILOKET_DEMO: "0", HOST: "127.0.0.1" };
    const token = await setUp(env);
    const server = await startServer({ ...env, PORT: String(await freePort()) });
    log(
      `ingest/PGlite: server child pid ${server.pid} at ${server.url}, ready in ${(server.readyMs / 1000).toFixed(1)} s`,
    );
    try {
      figures = await measured(server, token, s.pgliteConnections, s.durationSeconds, false);
    } finally {
      await stopChild(server.child);
    }
    report("ingest/PGlite", figures);
  } finally {
    removeTempDir(dataDir);
  }
  const raw = await rawPgliteLoop(s.durationSeconds);
  log(
    `raw PGlite insert loop: ${num(raw.tps, 1)} transactions/s (${num(raw.rows)} rows in ${raw.seconds.toFixed(1)} s, one INSERT per transaction, in this process)`,
  );
  return { server: figures, raw };
}

/** PGlite opened directly (createDb embedded, on disk), one INSERT per transaction for `seconds`. */
async function rawPgliteLoop(seconds: number): Promise<{ tps: number; rows: number; seconds: number }> {
  const dataDir = tempDir("pglite-raw");
  const database = await createDb({ kind: "embedded", dataDir });
  try {
    await database.query(
      "CREATE TABLE bench_rows (id bigserial PRIMARY KEY, external_id text NOT NULL UNIQUE, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
    );
    const insert = (i: number) =>
      database.transaction((q) =>
        q("INSERT INTO bench_rows (external_id, payload) VALUES ($1, $2)", [
          `raw-${i}`,
          JSON.stringify({ channel: "email", text: "Goedendag, ik heb een vraag over de aanslag." }),
        ]),
      );
    let i = 0;
    const warmEnd = performance.now() + 1_000;
    while (performance.now() < warmEnd) await insert(i++);
    const start = performance.now();
    const end = start + seconds * 1000;
    let rows = 0;
    while (performance.now() < end) {
      await insert(i++);
      rows += 1;
    }
    const took = (performance.now() - start) / 1000;
    return { tps: rows / took, rows, seconds: took };
  } finally {
    await database.close();
    removeTempDir(dataDir);
  }
}
