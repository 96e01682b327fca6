// (b) Timeline: p50/p99 of GET /api/v1/residents/{id}/timeline?limit=50 for a resident with 500
// interactions, through the whole HTTP app in this process (createApp(...).request(), a system
// token, sequential requests), first page and deeper pages by cursor; beside the raw SQL time of the
// same interaction query (the same text, timed through the same pool, and EXPLAIN ANALYZE).
import { createDb, type Database } from "@omniloket/db";
import { createApp } from "../apps/server/src/app";
import { createApiToken } from "../apps/server/src/features/accounts";
import { testDeps } from "../apps/server/src/test-support/harness";
import type { Settings } from "./settings";
import { log, ms, summarise } from "./support";
import { TARGET_INTERACTIONS, type TimelineDatabase } from "./timeline-load";

type Stats = ReturnType<typeof summarise>;
export type TimelineFigures = {
  db: TimelineDatabase;
  coldFirstMs: number;
  pages: number;
  first: Stats;
  deeper: Stats;
  rawFirst: Stats;
  rawDeeper: Stats;
  explainMs: number;
  explainDeeperMs: number;
};

/**
 * The interaction query of get-resident-timeline.ts, copied: keep it in step with that file, or the
 * raw figure stops being "the same query".
 */
function interactionQuery(withCursor: boolean): string {
  return `SELECT ip.interaction_id, to_char(ip.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at, ip.role, i.channel, i.direction, i.subject, i.text, i.question_id,
               q.reference, q.topic_id, q.status, q.confidential, q.team_id
          FROM interaction_parties ip
          JOIN interactions i ON i.id = ip.interaction_id
          JOIN questions q ON q.id = i.question_id
         WHERE ip.tenant_id = $1 AND ip.timeline_party_id = $2
           ${withCursor ? "AND (ip.occurred_at, ip.interaction_id) < ($4::timestamptz, $5::uuid)" : ""}
         ORDER BY ip.occurred_at DESC, ip.interaction_id DESC
         LIMIT $3`;
}

function decodeCursor(cursor: string): [string, string] {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  return [at as string, id as string];
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await work();
  return [performance.now() - t, value];
}

async function explainMs(database: Database, params: unknown[], withCursor: boolean): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const rows = await database.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${interactionQuery(withCursor)}`,
      params,
    );
    const line = rows.map((r) => r["QUERY PLAN"]).find((l) => l.startsWith("Execution Time"));
    runs.push(Number(/([\d.]+) ms/.exec(line ?? "")?.[1]));
  }
  return summarise(runs).p50;
}

export async function measureTimeline(s: Settings, db: TimelineDatabase): Promise<TimelineFigures> {
  const database = await createDb({ kind: "postgres", url: db.url });
  const { id: tokenId, token } = await createApiToken(database.db, {
    tenantId: db.tenantId,
    name: "bench-timeline",
    roles: ["system"],
  });
  try {
    // Audit rows of earlier runs would only grow the cached database.
    await database.query("TRUNCATE audit_events");
    // The same dependencies the integration tests give the app (silent log, default config).
    const app = createApp(testDeps(database));
    const base = `/api/v1/residents/${db.targetPartyId}/timeline?limit=50`;
    const get = async (cursor: string | null) => {
      const response = await app.request(cursor ? `${base}&cursor=${cursor}` : base, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { items: Array<{ kind: string }>; nextCursor: string | null };
      if (response.status !== 200)
        throw new Error(`timeline answered ${response.status}: ${JSON.stringify(body)}`);
      return body;
    };

    // The first request after opening (cold caches of this process, maybe of PostgreSQL too).
    const [coldFirstMs] = await timed(() => get(null));
    // Walk every page once: the cursors for the deeper pages, and a check of the loaded shape.
    const cursors: string[] = [];
    let interactions = 0;
    let page = await get(null);
    for (let i = 0; i < 100; i++) {
      interactions += page.items.filter((item) => item.kind === "interaction").length;
      if (!page.nextCursor) break;
      cursors.push(page.nextCursor);
      page = await get(page.nextCursor);
    }
    if (interactions !== TARGET_INTERACTIONS) {
      throw new Error(
        `the target's timeline holds ${interactions} interactions, expected ${TARGET_INTERACTIONS}`,
      );
    }
    // Warm up this process's JIT and PostgreSQL's caches before timing.
    for (let i = 0; i < 100; i++) await get(i % 2 === 0 ? null : (cursors[i % cursors.length] as string));

    const first: number[] = [];
    const deeper: number[] = [];
    for (let i = 0; i < s.timelineRequests; i++) first.push((await timed(() => get(null)))[0]);
    for (let i = 0; i < s.timelineRequests; i++)
      deeper.push((await timed(() => get(cursors[i % cursors.length] as string)))[0]);

    const params = [db.tenantId, db.targetPartyId, 51];
    const rawFirst: number[] = [];
    const rawDeeper: number[] = [];
    for (let i = 0; i < s.timelineRequests; i++)
      rawFirst.push((await timed(() => database.query(interactionQuery(false), params)))[0]);
    for (let i = 0; i < s.timelineRequests; i++) {
      const cursor = decodeCursor(cursors[i % cursors.length] as string);
      rawDeeper.push((await timed(() => database.query(interactionQuery(true), [...params, ...cursor])))[0]);
    }
    const deepest = decodeCursor(cursors.at(-1) as string);
    const figures: TimelineFigures = {
      db,
      coldFirstMs,
      pages: cursors.length + 1,
      first: summarise(first),
      deeper: summarise(deeper),
      rawFirst: summarise(rawFirst),
      rawDeeper: summarise(rawDeeper),
      explainMs: await explainMs(database, params, false),
      explainDeeperMs: await explainMs(database, [...params, ...deepest], true),
    };
    log(
      `timeline ${db.name}: ${TARGET_INTERACTIONS} interactions in ${figures.pages} pages; first request ${ms(coldFirstMs)}; ` +
        `HTTP first page p50 ${ms(figures.first.p50)} p99 ${ms(figures.first.p99)}, deeper pages p50 ${ms(figures.deeper.p50)} p99 ${ms(figures.deeper.p99)} ` +
        `(${s.timelineRequests} requests each)`,
    );
    log(
      `  raw SQL (same query, same pool) first p50 ${ms(figures.rawFirst.p50)} p99 ${ms(figures.rawFirst.p99)}, deeper p50 ${ms(figures.rawDeeper.p50)} p99 ${ms(figures.rawDeeper.p99)}; ` +
        `EXPLAIN ANALYZE execution first ${ms(figures.explainMs)}, last page ${ms(figures.explainDeeperMs)}`,
    );
    return figures;
  } finally {
    await database.query("DELETE FROM api_tokens WHERE id = $1", [tokenId]).catch(() => {});
    await database.close();
  }
}
