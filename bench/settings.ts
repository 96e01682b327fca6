// Settings of `npm run bench`, read from the environment (documented at the top of run.ts).
import { availableParallelism, cpus, totalmem } from "node:os";
import { machineBusyPercent, run } from "./support";

const GiB = 1024 ** 3;
function env(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === "" ? fallback : value;
}

function int(name: string, fallback: number): number {
  const value = Number(env(name, String(fallback)));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0`);
  return value;
}

function size(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`BENCH_SIZES: cannot read "${text}" (use e.g. 100k, 1m, 10m)`);
  const factor = { "": 1, k: 1_000, m: 1_000_000 }[(match[2] ?? "").toLowerCase()] ?? 1;
  return Math.round(Number(match[1]) * factor);
}

const list = (name: string, fallback: string) =>
  env(name, fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export type Settings = ReturnType<typeof readSettings>;

export function readSettings() {
  return {
    only: list("BENCH_ONLY", "ingest,timeline,memory,channels,workspace,chat,portal,signals"),
    ingestBackends: list("BENCH_INGEST_BACKENDS", "postgres,pglite"),
    durationSeconds: int("BENCH_DURATION_SECONDS", 30),
    connections: int("BENCH_CONNECTIONS", 32),
    smtpClients: Math.max(1, int("BENCH_SMTP_CLIENTS", 8)),
    pgliteConnections: int("BENCH_PGLITE_CONNECTIONS", 8),
    pgbenchScale: int("BENCH_PGBENCH_SCALE", 32),
    pgbenchClients: int("BENCH_PGBENCH_CLIENTS", 32),
    pgbenchThreads: int("BENCH_PGBENCH_THREADS", 2),
    cpuProfSeconds: int("BENCH_CPU_PROF_SECONDS", 0),
    sizes: list("BENCH_SIZES", "100k,1m,10m").map(size),
    timelineRequests: Math.max(10, int("BENCH_TIMELINE_REQUESTS", 500)),
    rebuild: env("BENCH_REBUILD", "0") === "1",
    memoryRequests: int("BENCH_MEMORY_REQUESTS", 200),
    workspaceSize: size(env("BENCH_WORKSPACE_SIZE", "1m")),
    workspaceRequests: Math.max(10, int("BENCH_WORKSPACE_REQUESTS", 300)),
    workspaceDeeperPages: int("BENCH_WORKSPACE_DEEPER_PAGES", 20),
    sseStreams: Math.max(1, int("BENCH_SSE_STREAMS", 200)),
    sseRate: Math.max(1, int("BENCH_SSE_RATE", 20)),
    sseSeconds: Math.max(1, int("BENCH_SSE_SECONDS", 10)),
    chatSessions: Math.max(1, int("BENCH_CHAT_SESSIONS", 200)),
    chatRoundTrips: Math.max(1, int("BENCH_CHAT_ROUND_TRIPS", 5)),
    chatThinkSeconds: list("BENCH_CHAT_THINK_SECONDS", "10,2").map((text) => {
      const value = Number(text);
      if (!(value >= 2))
        throw new Error("BENCH_CHAT_THINK_SECONDS: each pause must be ≥ 2 (the per-chat limit)");
      return value;
    }),
    portalDemoResidents: Math.max(100, int("BENCH_PORTAL_DEMO_RESIDENTS", 5000)),
    portalRequests: Math.max(10, int("BENCH_PORTAL_REQUESTS", 500)),
    signalsDemoResidents: Math.max(100, int("BENCH_SIGNALS_DEMO_RESIDENTS", 5000)),
    signalsRescanResidents: Math.max(100, int("BENCH_SIGNALS_RESCAN_RESIDENTS", 20000)),
    signalsContacts: Math.max(10, int("BENCH_SIGNALS_CONTACTS", 500)),
    databaseUrl: env("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
  };
}

export async function printSettings(s: Settings): Promise<void> {
  const pg = await run("psql", [s.databaseUrl, "-Atc", "SELECT version()"]).catch(
    (e) => `unreachable: ${e.message.split("\n")[0]}`,
  );
  const settings = await run("psql", [
    s.databaseUrl,
    "-Atc",
    "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers','max_connections','synchronous_commit','fsync','wal_level','max_wal_size','work_mem')",
  ]).catch(() => "");
  console.log("Omniloket benchmarks — figures printed, nothing asserted");
  console.log(
    `  machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), ${(totalmem() / GiB).toFixed(0)} GiB; Node ${process.version}`,
  );
  console.log(
    "  note: PostgreSQL, the server child and the load generator share these cores in every ingest figure",
  );
  const busy = await machineBusyPercent();
  console.log(
    `  machine busy before the run (other sessions' tests, servers): ${busy.toFixed(0)}% of one core${busy > 30 ? " — figures will be disturbed" : ""}`,
  );
  console.log(`  PostgreSQL: ${pg.trim()}`);
  if (settings.trim()) console.log(`  PostgreSQL settings: ${settings.trim()}`);
  for (const [key, value] of Object.entries(s))
    console.log(`  ${key}: ${Array.isArray(value) ? value.join(",") : String(value)}`);
  console.log();
}
