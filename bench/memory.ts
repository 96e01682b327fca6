// (c) Memory of `npm start` (that is `node bin/omniloket.mjs start`) on a fresh embedded data
// directory, where the first start loads the demo: time from spawn to serving, then VmRSS and VmHWM
// of the process tree a few seconds after start and after a round of API requests.
import { setTimeout as sleep } from "node:timers/promises";
import type { Settings } from "./settings";
import {
  freePort,
  log,
  memoryOfTree,
  mib,
  removeTempDir,
  runCli,
  startServer,
  stopChild,
  tempDir,
} from "./support";

export type MemoryFigures = {
  readyMs: number;
  demo: string;
  afterStart: ReturnType<typeof memoryOfTree>;
  afterRequests: ReturnType<typeof memoryOfTree>;
  requests: string;
};

async function requestRound(
  url: string,
  dataDir: string,
  env: NodeJS.ProcessEnv,
  count: number,
): Promise<string> {
  // While the server holds the data directory, the CLI works through its admin API. Without a demo
  // there is no municipality yet: add one first.
  const cliEnv = { ...env, OMNILOKET_DATA_DIR: dataDir };
  const tokenFrom = (out: string) => /olt_[A-Za-z0-9_-]+/.exec(out)?.[0] ?? null;
  let note = "";
  let token = await runCli(["token", "create", "--name", "bench-memory"], cliEnv)
    .then(tokenFrom)
    .catch(() => null);
  if (!token) {
    token = await runCli(["tenant", "add", "--slug", "bench", "--name", "Bench"], cliEnv)
      .then(() => runCli(["token", "create", "--name", "bench-memory", "--tenant", "bench"], cliEnv))
      .then(tokenFrom)
      .catch((error) => {
        note = ` (${String(error).split("\n").slice(0, 3).join(" ").slice(0, 300)})`;
        return null;
      });
    if (token) note = " (no municipality after start: added one through the CLI)";
  }
  const statuses: Record<string, number> = {};
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${url}${path}`, {
      ...init,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        "content-type": "application/json",
        ...init.headers,
      },
    });
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    return response.json().catch(() => null) as Promise<Record<string, unknown> | null>;
  };
  if (!token) {
    for (let i = 0; i < count; i++) await call(i % 2 === 0 ? "/api/v1/health" : "/api/v1/openapi.json");
    return `${count} public requests (health, openapi.json): no token could be made${note} ${JSON.stringify(statuses)}`;
  }
  const parties: string[] = [];
  const names = ["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos"];
  for (let i = 0; i < count; i++) {
    if (i % 4 === 0) {
      const result = await call("/api/v1/interactions", {
        method: "POST",
        body: JSON.stringify({
          channel: "email",
          externalId: `bench-memory-${i}`,
          text: "Goedendag, ik heb een vraag over mijn afvalcontainer.",
          topicId: "afval",
          sender: { identifiers: [{ kind: "email", value: `geheugen.${i % 20}@voorbeeld.test` }] },
        }),
      });
      if (typeof result?.partyId === "string") parties.push(result.partyId);
    } else if (i % 4 === 1 && parties.length > 0) {
      await call(`/api/v1/residents/${parties[i % parties.length]}/timeline?limit=50`);
    } else if (i % 4 === 2) {
      // Residents of the demo found by name join the timelines read above.
      const found = await call("/api/v1/residents/_search", {
        method: "POST",
        body: JSON.stringify({ name: names[i % names.length] }),
      });
      const items = Array.isArray(found?.items) ? (found.items as Array<{ id?: unknown }>) : [];
      for (const item of items.slice(0, 3)) if (typeof item.id === "string") parties.push(item.id);
    } else {
      await call("/api/v1/health");
    }
  }
  return `${count} API requests with a system token${note} (ingest, timeline, resident search, health): ${JSON.stringify(statuses)}`;
}

export async function measureMemory(s: Settings): Promise<MemoryFigures> {
  const dataDir = tempDir("memory");
  const env = { DATABASE_URL: "", OMNILOKET_DATA_DIR: dataDir, OMNILOKET_DEMO: "", HOST: "127.0.0.1" };
  try {
    const server = await startServer({ ...env, PORT: String(await freePort()) }, { timeoutMs: 300_000 });
    try {
      // The demo accounts are printed just after the "serving" line: read the output a little later.
      await sleep(5_000);
      const out = server.output();
      const loaded = /Voorbeeldstad geladen: ([^\n]*)/.exec(out)?.[1];
      const demo = loaded
        ? `demo loaded (${loaded.trim()})`
        : out.includes("demogemeente")
          ? "demo NOT measured: start announced the demo but did not report it loaded"
          : "demo NOT loaded: start did not announce it";
      log(
        `memory: \`node bin/omniloket.mjs start\` on a fresh data dir served after ${(server.readyMs / 1000).toFixed(1)} s; ${demo}`,
      );
      const afterStart = memoryOfTree(server.pid);
      log(
        `  5 s after start: VmRSS ${mib(afterStart.rss)}, VmHWM ${mib(afterStart.hwm)} (${afterStart.processes} process(es))`,
      );
      const requests = await requestRound(server.url, dataDir, env, s.memoryRequests);
      await sleep(2_000);
      const afterRequests = memoryOfTree(server.pid);
      log(`  after ${requests}: VmRSS ${mib(afterRequests.rss)}, VmHWM ${mib(afterRequests.hwm)}`);
      return { readyMs: server.readyMs, demo, afterStart, afterRequests, requests };
    } finally {
      await stopChild(server.child);
    }
  } finally {
    removeTempDir(dataDir);
  }
}
