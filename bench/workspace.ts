// (e) Workspace: the agent's inbox and question view on a cached database of 1M questions
// (workspace-load.ts), through the whole HTTP app in this process (createApp(...).request(), an agent
// session cookie, sequential requests) beside the raw SQL time of the inbox page query; and live
// delivery: the real server as a child process with N open GET /api/v1/events streams (one agent session
// each, fetch + reader) while contacts are ingested one at a time at a modest rate, timing every
// (event, stream) pair from just before the POST was sent (and from its 201) to the stream receiving it.
// The SSE part runs on a fresh database (dropped afterwards), so the cache is never written to.
import { createDb, migrate } from "@omniloket/db";
import { sql } from "drizzle-orm";
import { createApp } from "../apps/server/src/app";
import { inboxPageQuery, visibleQuestionsSql } from "../apps/server/src/features/inbox";
import type { Principal } from "../apps/server/src/platform/auth/principal";
import { selectRows } from "../apps/server/src/platform/sql";
import { createTestTenant, logInAs, TEST_PASSWORD, testDeps } from "../apps/server/src/test-support/harness";
import type { Settings } from "./settings";
import {
  freePort,
  freshDatabase,
  log,
  ms,
  num,
  readStream,
  removeTempDir,
  startServer,
  stopChild,
  summarise,
  tempDir,
} from "./support";
import { AGENT_EMAIL, type WorkspaceDatabase } from "./workspace-load";

type Stats = ReturnType<typeof summarise>;
type Page = { items: Array<{ id: string }>; nextCursor: string | null };

export type WorkspaceFigures = {
  first: Stats;
  filtered: Stats;
  deeper: Stats;
  deeperPage: number;
  rawFirst: Stats;
  rawFiltered: Stats;
  rawDeeper: Stats;
  view: Stats;
};

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await work();
  return [performance.now() - t, value];
}

export async function measureWorkspace(s: Settings, db: WorkspaceDatabase): Promise<WorkspaceFigures> {
  const database = await createDb({ kind: "postgres", url: db.url });
  try {
    // Audit rows (every inbox page and question view writes one) would only grow the cache.
    await database.query("TRUNCATE audit_events");
    const app = createApp(testDeps(database));
    const agent = await logInAs(app, AGENT_EMAIL);
    const get = async (path: string) => {
      const response = await agent.get(path);
      const body = await response.json();
      if (response.status !== 200)
        throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
      return body as Page;
    };
    const firstPath = "/api/v1/inbox?limit=50";
    const filteredPath = `/api/v1/inbox?limit=50&teamId=${db.generalTeamId}&status=waiting-on-resident`;
    // Cursors of pages 2..deeperPage of the unfiltered inbox.
    const cursors: string[] = [];
    let page = await get(firstPath);
    for (let i = 0; i < s.workspaceDeeperPages && page.nextCursor; i++) {
      cursors.push(page.nextCursor);
      page = await get(`${firstPath}&cursor=${page.nextCursor}`);
    }
    const deeperPath = (i: number) => `${firstPath}&cursor=${cursors[cursors.length - 1 - (i % 10)]}`;
    for (let i = 0; i < 50; i++) {
      await get(firstPath);
      await get(filteredPath);
      if (cursors.length > 0) await get(deeperPath(i));
    }
    const n = s.workspaceRequests;
    const series = async (path: (i: number) => string) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await timed(() => get(path(i))))[0]);
      return summarise(out);
    };
    const first = await series(() => firstPath);
    const filtered = await series(() => filteredPath);
    const deeper = cursors.length > 0 ? await series(deeperPath) : summarise([]);

    // The raw page query (inboxPageQuery, with the agent's need-to-know condition), same pool.
    const [employee] = await database.query<{ id: string }>("SELECT id FROM employees WHERE email = $1", [
      AGENT_EMAIL,
    ]);
    const principal: Principal = {
      kind: "employee",
      tenantId: db.tenantId,
      employeeId: employee?.id as string,
      roles: ["agent"],
      teamIds: [db.generalTeamId],
      sessionTokenHash: "",
      csrfToken: "",
    };
    const visible = await visibleQuestionsSql(database.db, principal, "contact-handling");
    const raw = async (
      filter: Parameters<typeof inboxPageQuery>[2],
      cursor: (i: number) => string | undefined,
    ) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++)
        out.push(
          (
            await timed(() =>
              selectRows(database.db, inboxPageQuery(db.tenantId, visible, filter, cursor(i), 50)),
            )
          )[0],
        );
      return summarise(out);
    };
    const rawFirst = await raw({}, () => undefined);
    const rawFiltered = await raw(
      { teamId: db.generalTeamId, status: "waiting-on-resident" },
      () => undefined,
    );
    const rawDeeper =
      cursors.length > 0 ? await raw({}, (i) => cursors[cursors.length - 1 - (i % 10)]) : summarise([]);

    // Question view of random questions the agent may see (the thread, involvements, tasks; audited).
    const ids = (
      await selectRows<{ id: string }>(
        database.db,
        sql`SELECT q.id FROM questions q
           WHERE q.tenant_id = ${db.tenantId}::uuid AND q.sequence IN (SELECT (1 + floor(random() * ${db.questions}))::bigint FROM generate_series(1, ${n * 3}))
             AND ${visible} LIMIT ${n + 50}`,
      )
    ).map((r) => r.id);
    for (const id of ids.slice(n)) await get(`/api/v1/questions/${id}`);
    const views: number[] = [];
    for (const id of ids.slice(0, n)) views.push((await timed(() => get(`/api/v1/questions/${id}`)))[0]);
    const figures: WorkspaceFigures = {
      first,
      filtered,
      deeper,
      deeperPage: cursors.length + 1,
      rawFirst,
      rawFiltered,
      rawDeeper,
      view: summarise(views),
    };
    log(
      `workspace ${db.name}: inbox first p50 ${ms(first.p50)} p99 ${ms(first.p99)}, filtered p50 ${ms(filtered.p50)} p99 ${ms(filtered.p99)}, ` +
        `page ${figures.deeperPage} p50 ${ms(deeper.p50)} p99 ${ms(deeper.p99)} (${n} requests each); question view p50 ${ms(figures.view.p50)} p99 ${ms(figures.view.p99)} (${views.length})`,
    );
    log(
      `  raw SQL first p50 ${ms(rawFirst.p50)} p99 ${ms(rawFirst.p99)}, filtered p50 ${ms(rawFiltered.p50)} p99 ${ms(rawFiltered.p99)}, deeper p50 ${ms(rawDeeper.p50)} p99 ${ms(rawDeeper.p99)}`,
    );
    return figures;
  } finally {
    await database.query("TRUNCATE audit_events").catch(() => {});
    await database.query("DELETE FROM sessions").catch(() => {});
    await database.close();
  }
}

// ---------------------------------------------------------------- SSE

export type SseFigures = {
  streams: number;
  events: number;
  pairs: number;
  received: number;
  missed: number;
  fromSend: Stats;
  from201: Stats;
  ingest: Stats;
  connectMs: number;
};

type Stream = { received: Map<string, number>; abort: AbortController; done: Promise<void> };

async function openStream(url: string, cookie: string): Promise<Stream> {
  const received = new Map<string, number>();
  const { abort, done } = await readStream(`${url}/api/v1/events`, { cookie }, (frame) => {
    if (frame.event !== "interaction.created") return;
    const id = (JSON.parse(frame.data) as { interactionId?: string }).interactionId;
    if (id && !received.has(id)) received.set(id, frame.at);
  });
  return { received, abort, done };
}

export async function measureSse(s: Settings): Promise<SseFigures> {
  const database = await freshDatabase(s.databaseUrl, "omniloket_bench_workspace_sse");
  const dataDir = tempDir("workspace-sse");
  const streams: Stream[] = [];
  try {
    const setup = await createDb({ kind: "postgres", url: database.url, poolSize: 2 });
    let token: string;
    try {
      await migrate(setup);
      ({ token } = await createTestTenant(setup, "bench"));
    } finally {
      await setup.close();
    }
    const server = await startServer({
      DATABASE_URL: database.url,
      OMNILOKET_DATA_DIR: dataDir,
      OMNILOKET_DEMO: "0",
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
    });
    log(`workspace SSE: server child pid ${server.pid} at ${server.url}`);
    try {
      const cookies: string[] = [];
      for (let i = 0; i < s.sseStreams; i++) {
        const response = await fetch(`${server.url}/api/v1/sessions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: "agent@bench.test", password: TEST_PASSWORD }),
        });
        if (response.status !== 201)
          throw new Error(`login answered ${response.status}: ${await response.text()}`);
        cookies.push((response.headers.get("set-cookie") ?? "").split(";")[0] ?? "");
      }
      const [connectMs] = await timed(async () => {
        streams.push(...(await Promise.all(cookies.map((c) => openStream(server.url, c)))));
      });
      log(`workspace SSE: ${streams.length} streams open in ${ms(connectMs)}`);
      const ingest = async (i: number) => {
        const sent = performance.now();
        const response = await fetch(`${server.url}/api/v1/interactions`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({
            channel: "email",
            externalId: `ws-sse-${Date.now()}-${i}`,
            text: "Goedendag, mijn container is niet geleegd.",
            topicId: "afval",
            sender: { identifiers: [{ kind: "email", value: `inwoner${i % 50}@bench.test` }] },
          }),
        });
        const body = (await response.json()) as { interactionId?: string };
        if (response.status !== 201 || !body.interactionId)
          throw new Error(`ingest answered ${response.status}: ${JSON.stringify(body)}`);
        return { id: body.interactionId, sent, ok: performance.now() };
      };
      for (let i = 0; i < 5; i++) await ingest(-1 - i); // warm-up, not counted
      await new Promise((r) => setTimeout(r, 1_000));
      const total = s.sseRate * s.sseSeconds;
      const start = performance.now();
      const pending: Array<Promise<{ id: string; sent: number; ok: number }>> = [];
      for (let i = 0; i < total; i++) {
        const wait = start + (i * 1000) / s.sseRate - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        pending.push(ingest(i));
      }
      const posted = await Promise.all(pending);
      await new Promise((r) => setTimeout(r, 3_000));
      const fromSend: number[] = [];
      const from201: number[] = [];
      for (const p of posted)
        for (const stream of streams) {
          const at = stream.received.get(p.id);
          if (at === undefined) continue;
          fromSend.push(at - p.sent);
          from201.push(Math.max(0, at - p.ok));
        }
      const pairs = posted.length * streams.length;
      const figures: SseFigures = {
        streams: streams.length,
        events: posted.length,
        pairs,
        received: fromSend.length,
        missed: pairs - fromSend.length,
        fromSend: summarise(fromSend),
        from201: summarise(from201),
        ingest: summarise(posted.map((p) => p.ok - p.sent)),
        connectMs,
      };
      log(
        `workspace SSE: ${figures.events} contacts at ${s.sseRate}/s to ${figures.streams} streams: ` +
          `from send p50 ${ms(figures.fromSend.p50)} p99 ${ms(figures.fromSend.p99)} max ${ms(figures.fromSend.max)}, ` +
          `from 201 p50 ${ms(figures.from201.p50)} p99 ${ms(figures.from201.p99)}; ingest p50 ${ms(figures.ingest.p50)} p99 ${ms(figures.ingest.p99)}; ` +
          `missed ${num(figures.missed)} of ${num(pairs)}`,
      );
      return figures;
    } finally {
      for (const stream of streams) stream.abort.abort();
      await Promise.all(streams.map((st) => st.done));
      await stopChild(server.child);
    }
  } finally {
    await database.drop();
    removeTempDir(dataDir);
  }
}
