// Shared helpers of the benchmarks: child processes (always cleaned up), the PostgreSQL admin
// connection, loopback checks, percentiles, CPU and memory readings from /proc, and formatting.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Database } from "@omniloket/db";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CLI = join(ROOT, "bin/omniloket.mjs");

// ---------------------------------------------------------------- cleanup

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
const cleanups: Array<() => Promise<void>> = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `omniloket-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Runs once at exit (normal end, error or Ctrl-C): e.g. dropping a database this run created. */
export function onCleanup(fn: () => Promise<void>): () => void {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; only ever a child this process started, by its pid. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    if (!(await waitExit(child, graceMs))) {
      child.kill("SIGKILL");
      await waitExit(child, 5_000);
    }
  }
  children.delete(child);
}

let cleaning: Promise<void> | null = null;
export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...children].map((c) => stopChild(c, 3_000)));
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((e) => console.error(`cleanup: ${e}`));
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    tempDirs.clear();
  })();
  return cleaning;
}

export function installSignalHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping children and cleaning up…`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  // Last resort if the process exits without the async cleanup: never leave a server running.
  process.once("exit", () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  });
}

// ---------------------------------------------------------------- processes

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Runs a command to completion (bounded by `timeoutMs`); rejects on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      cwd: options.cwd ?? ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.add(child);
    let out = "";
    const collect = (d: Buffer) => {
      out += d;
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    const timer = setTimeout(() => void stopChild(child, 2_000), options.timeoutMs ?? 600_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(" ")} exited ${code ?? signal}:\n${out.slice(-2000)}`));
    });
    child.on("error", reject);
  });
}

export const runCli = (args: string[], env: NodeJS.ProcessEnv) =>
  run(process.execPath, [CLI, ...args], { env });

export type ServerChild = {
  child: ChildProcess;
  pid: number;
  url: string;
  /** Milliseconds from spawn to the "Omniloket draait op" line. */
  readyMs: number;
  output(): string;
};

/** `node [nodeArgs] bin/omniloket.mjs start`, resolved when it prints that it serves. */
export function startServer(
  env: NodeJS.ProcessEnv,
  options: { nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<ServerChild> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, "start"], {
      env: { ...process.env, ...env },
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.add(child);
    let out = "";
    let ready = false;
    const timeoutMs = options.timeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      void stopChild(child, 1_000);
      reject(new Error(`server did not start within ${timeoutMs / 1000} s:\n${out.slice(-3000)}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out = (out + d).slice(-200_000);
      const match = /Omniloket draait op (http:\/\/\S+?)[\s,]/.exec(out);
      if (!ready && match?.[1]) {
        ready = true;
        clearTimeout(timer);
        resolve({
          child,
          pid: child.pid ?? 0,
          url: match[1],
          readyMs: performance.now() - started,
          output: () => out,
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      if (!ready) reject(new Error(`server exited early (${code ?? signal}):\n${out.slice(-3000)}`));
    });
  });
}

// ---------------------------------------------------------------- PostgreSQL

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  const ok = host === "" || host === "localhost" || host === "::1" || /^127\./.test(host);
  if (!ok) throw new Error(`BENCH_DATABASE_URL must point at this machine (loopback), not ${host}`);
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, work: (db: Database) => Promise<T>): Promise<T> {
  const admin = await createDb({ kind: "postgres", url: adminUrl, poolSize: 1 });
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdmin(
    adminUrl,
    async (a) => (await a.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).length > 0,
  );
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (a) => a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A fresh, empty database that is dropped again at the end of the run (even on Ctrl-C). */
export async function freshDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  await dropDatabase(adminUrl, name);
  await withAdmin(adminUrl, (a) => a.query(`CREATE DATABASE ${name}`));
  const unregister = onCleanup(() => dropDatabase(adminUrl, name));
  return {
    url: databaseUrl(adminUrl, name),
    async drop() {
      unregister();
      await dropDatabase(adminUrl, name);
    },
  };
}

export async function checkpoint(adminUrl: string): Promise<void> {
  await withAdmin(adminUrl, (a) => a.query("CHECKPOINT")).catch(() => {});
}

// ---------------------------------------------------------------- /proc readings

const CLK_TCK = 100;

function procStat(pid: number): { comm: string; ppid: number; cpuTicks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const comm = text.slice(text.indexOf("(") + 1, close);
    const fields = text.slice(close + 2).split(" ");
    // fields[0] is state (field 3); utime and stime are fields 14 and 15.
    return { comm, ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

/** A process and all its descendants. */
export function processTree(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const pid of allPids()) {
    const stat = procStat(pid);
    if (!stat) continue;
    byParent.set(stat.ppid, [...(byParent.get(stat.ppid) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    out.push(pid);
    queue.push(...(byParent.get(pid) ?? []));
  }
  return out;
}

export function pidsNamed(prefix: string): number[] {
  return allPids().filter((pid) => procStat(pid)?.comm.startsWith(prefix));
}

export const postgresPids = () => pidsNamed("postgres");

/** How busy the machine is over `ms` with nothing of this benchmark running (other sessions, tests…). */
export async function machineBusyPercent(ms = 2_000): Promise<number> {
  const a = machineTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = machineTicks();
  const cores = (b.total - a.total) / CLK_TCK / (ms / 1000);
  return ((b.busy - a.busy) / (b.total - a.total)) * cores * 100;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * CPU time of named process groups, of this process and of the whole machine, sampled every 250 ms
 * per pid, so processes that start and end during the run (pgbench and its backends) are counted too.
 */
export function monitorCpu(groups: Record<string, () => number[]>, selfLabel: string | null) {
  const started = performance.now();
  const machineStart = machineTicks();
  const selfStart = process.cpuUsage();
  const last = new Map<string, Map<number, number>>();
  const used = new Map<string, number>();
  const sample = (first: boolean) => {
    for (const [name, pids] of Object.entries(groups)) {
      const seen = last.get(name) ?? new Map<number, number>();
      last.set(name, seen);
      for (const pid of pids()) {
        const ticks = procStat(pid)?.cpuTicks;
        if (ticks === undefined) continue;
        // A pid first seen after the start began during the run: all its time counts.
        const previous = seen.get(pid) ?? (first ? ticks : 0);
        used.set(name, (used.get(name) ?? 0) + Math.max(0, ticks - previous));
        seen.set(pid, ticks);
      }
    }
  };
  sample(true);
  const timer = setInterval(() => sample(false), 250);
  return {
    /** Percent of one core per group ("200%" is both cores of this machine). */
    stop(): Record<string, number> {
      clearInterval(timer);
      sample(false);
      const seconds = (performance.now() - started) / 1000;
      const out: Record<string, number> = {};
      for (const name of Object.keys(groups)) out[name] = ((used.get(name) ?? 0) / CLK_TCK / seconds) * 100;
      if (selfLabel) {
        const self = process.cpuUsage(selfStart);
        out[selfLabel] = ((self.user + self.system) / 1e6 / seconds) * 100;
      }
      const end = machineTicks();
      const cores = (end.total - machineStart.total) / CLK_TCK / seconds;
      const machine = ((end.busy - machineStart.busy) / (end.total - machineStart.total)) * cores * 100;
      const ours = Object.values(out).reduce((x, y) => x + y, 0);
      out[OTHER] = Math.max(0, machine - ours);
      out["whole machine busy"] = machine;
      return out;
    },
  };
}

/** CPU the benchmark did not account for: other sessions' tests and servers on this shared machine. */
export const OTHER = "other processes (not this benchmark)";

export function formatCpu(cpu: Record<string, number>): string {
  return Object.entries(cpu)
    .map(([name, pct]) => `${name} ${pct.toFixed(0)}%`)
    .join(", ");
}

/** VmRSS and VmHWM (peak) in bytes, summed over a process tree. */
export function memoryOfTree(root: number): { rss: number; hwm: number; processes: number } {
  let rss = 0;
  let hwm = 0;
  const pids = processTree(root);
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      hwm += Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // the process ended between listing and reading
    }
  }
  return { rss, hwm, processes: pids.length };
}

// ---------------------------------------------------------------- numbers

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function summarise(samples: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : "n/a");
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const num = (v: number, digits = 0) =>
  Number.isFinite(v)
    ? v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : "n/a";

export function log(line: string): void {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[${t}] ${line}`);
}

// ---------------------------------------------------------------- the summary table

export const verdict = (ok: boolean) => (ok ? "meets target" : "BELOW target");

export type Row = { bench: string; figure: string; value: string; target?: string; verdict?: string };
export const results: Row[] = [];
export function record(row: Row): void {
  results.push(row);
}

export function printTable(rows: Row[]): void {
  const header: Row = {
    bench: "benchmark",
    figure: "figure",
    value: "value",
    target: "target",
    verdict: "ratio / verdict",
  };
  const cols: Array<keyof Row> = ["bench", "figure", "value", "target", "verdict"];
  const widths = cols.map((c) => Math.max(...[header, ...rows].map((r) => (r[c] ?? "").length)));
  const line = (r: Row) =>
    cols
      .map((c, i) => (r[c] ?? "").padEnd(widths[i] as number))
      .join(" | ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const r of rows) console.log(line(r));
}

/** One frame of a text/event-stream and when it arrived (performance.now()). */
export type Frame = { event: string; data: string; at: number };

/** Reads a text/event-stream with fetch (as the widget does), handing each frame to `onFrame`. */
export async function readStream(
  url: string,
  headers: Record<string, string>,
  onFrame: (frame: Frame) => void,
): Promise<{ abort: AbortController; done: Promise<void> }> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", ...headers },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const done = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) return;
        const at = performance.now();
        buffer += value;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) onFrame({ event, data, at });
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return { abort, done };
}
