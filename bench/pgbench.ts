// pgbench TPC-B on its own database of the same PostgreSQL server, in the same run as the ingest
// benchmark: `pgbench -i -s SCALE` then `pgbench -c CLIENTS -j THREADS -T SECONDS`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Settings } from "./settings";
import {
  checkpoint,
  formatCpu,
  freshDatabase,
  log,
  monitorCpu,
  ms,
  num,
  pidsNamed,
  postgresPids,
  removeTempDir,
  run,
  summarise,
  tempDir,
} from "./support";

export type PgbenchFigures = {
  tps: number;
  transactions: number;
  p50: number;
  p99: number;
  initSeconds: number;
  cpu: Record<string, number>;
};

export async function runPgbench(s: Settings): Promise<PgbenchFigures> {
  const database = await freshDatabase(s.databaseUrl, "omniloket_bench_pgbench");
  const logDir = tempDir("pgbench");
  try {
    const t0 = performance.now();
    // Server-side data generation (G) is only faster; the tables and the TPC-B transactions are the same.
    await run("pgbench", ["-i", "-I", "dtGvp", "-s", String(s.pgbenchScale), "-q", database.url], {
      timeoutMs: 900_000,
    });
    const initSeconds = (performance.now() - t0) / 1000;
    log(
      `pgbench: initialised scale ${s.pgbenchScale} in ${initSeconds.toFixed(1)} s (-I dtGvp: server-side data generation)`,
    );
    await checkpoint(s.databaseUrl);
    const groups = { "postgres (all backends)": postgresPids, "pgbench client": () => pidsNamed("pgbench") };
    const monitor = monitorCpu(groups, null);
    const out = await run(
      "pgbench",
      [
        "-c",
        String(s.pgbenchClients),
        "-j",
        String(s.pgbenchThreads),
        "-T",
        String(s.durationSeconds),
        "-l",
        "--log-prefix=tx",
        database.url,
      ],
      { cwd: logDir, timeoutMs: (s.durationSeconds + 120) * 1000 },
    );
    const cpu = monitor.stop();
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1]);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1]);
    // Per-transaction log lines: client_id transaction_no time_us script_no epoch epoch_us
    const latencies: number[] = [];
    for (const file of readdirSync(logDir).filter((f) => f.startsWith("tx"))) {
      for (const line of readFileSync(join(logDir, file), "utf8").split("\n")) {
        const us = Number(line.split(" ")[2]);
        if (Number.isFinite(us) && line.length > 0) latencies.push(us / 1000);
      }
    }
    const { p50, p99 } = summarise(latencies);
    log(
      `pgbench TPC-B: ${num(tps, 1)} tps (${num(transactions)} transactions, ${s.pgbenchClients} clients, ${s.pgbenchThreads} threads, ${s.durationSeconds} s), latency p50 ${ms(p50)} p99 ${ms(p99)}`,
    );
    log(`  CPU over the run: ${formatCpu(cpu)}`);
    return { tps, transactions, p50, p99, initSeconds, cpu };
  } finally {
    await database.drop();
    removeTempDir(logDir);
  }
}
