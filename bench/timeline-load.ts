// Bulk-loads a timeline benchmark database with SQL (INSERT … SELECT … FROM generate_series) straight
// into the migrated schema, in the shape ingest writes (ingest-interaction.ts): parties with an
// address, questions, interactions, interaction_parties carrying timeline_party_id and a copy of
// occurred_at, some representatives and callback tasks, plus one target resident with exactly 500
// interactions spread over five years and over the whole table. Keys and indexes are dropped during
// the load and rebuilt afterwards from their own definitions; then VACUUM ANALYZE. A marker table
// (bench_cache) written last makes the database a cache for later runs.

import { statfsSync } from "node:fs";
import { createDb, migrate } from "@omniloket/db";
import {
  bulkSession,
  definitions,
  dropKeysAndIndexes,
  migrationTags,
  readMarker,
  rebuildKeysAndIndexes,
  step,
} from "./bulk-build";
import { databaseExists, databaseUrl, dropDatabase, log, num, withAdmin } from "./support";

/** Bump when the generated shape changes: cached databases of another version are rebuilt. */
const LOADER_VERSION = 1;
export const TARGET_INTERACTIONS = 500;
const T0 = "2021-12-01T00:00:00Z";
const SPAN_SECONDS = 5 * 365 * 86_400;
const CHUNK = 1_000_000;

export type TimelineDatabase = {
  name: string;
  url: string;
  interactions: number;
  tenantId: string;
  targetPartyId: string;
  cached: boolean;
  buildSeconds: number;
  sizeBytes: number;
};

type Marker = {
  interactions: string;
  loader_version: number;
  migrations: string;
  tenant_id: string;
  target_party_id: string;
  build_seconds: number;
};

const uuid = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;
/** A stable pseudo-random non-negative int of an integer expression. */
const h = (expr: string, salt: number) => `(hashint8((${expr})::bigint * 31 + ${salt}) & 2147483647)`;
const TOPICS = [
  "afval",
  "parkeren",
  "reisdocumenten",
  "belastingen",
  "verhuizing",
  "wonen",
  "overlast",
  "zorg-wmo",
  "jeugd",
  "vergunningen",
  "kwijtschelding",
  "openbare-ruimte",
];
const CHANNELS = [
  "phone",
  "phone",
  "phone",
  "email",
  "email",
  "webform",
  "counter",
  "chat",
  "whatsapp",
  "letter",
];
const SENTENCES = [
  "Goedendag, ik heb een vraag over de aanslag gemeentelijke belastingen die ik vorige week ontving.",
  "Mijn container is al twee weken niet geleegd, kunt u laten weten wanneer dat wel gebeurt?",
  "Ik wil graag een afspraak maken voor een nieuw paspoort, maar online lukt het niet.",
  "Wij zijn verhuisd en ik weet niet zeker of de verhuizing goed is doorgegeven.",
  "Er staat al dagen een kapotte lantaarnpaal in onze straat, het is 's avonds erg donker.",
  "Kunt u mij terugbellen over mijn aanvraag? Ik ben overdag bereikbaar.",
];
const array = (items: string[]) => `ARRAY[${items.map((i) => `'${i.replaceAll("'", "''")}'`).join(",")}]`;

function shape(n: number) {
  const questions = Math.floor(n / 2);
  const parties = Math.max(1_000, Math.round(n / 20));
  const stride = Math.floor(questions / (TARGET_INTERACTIONS / 2));
  const isTarget = (j: string) => `(${j} % ${stride} = 0 AND ${j} <= ${stride * (TARGET_INTERACTIONS / 2)})`;
  const resident = (j: string) =>
    `CASE WHEN ${isTarget(j)} THEN ${uuid("'p0'")} ELSE ${uuid(`'p' || (1 + ${j} % ${parties - 1})`)} END`;
  const opened = (j: string) =>
    `(timestamptz '${T0}' + make_interval(secs => (${j})::float8 / ${questions} * ${SPAN_SECONDS} + ${h(j, 3)} % 3600))`;
  const topic = (j: string) =>
    `CASE WHEN ${h(j, 2)} % 10 = 0 THEN NULL ELSE (${array(TOPICS)})[1 + ${h(j, 1)} % ${TOPICS.length}] END`;
  const occurred = (g: string, j: string) =>
    `(${opened(j)} + CASE WHEN ${g} % 2 = 0 THEN make_interval(secs => ${h(g, 5)} % 259200 + (${g} % 1000) / 1000.0) ELSE interval '0' END)`;
  const direction = (g: string) =>
    `CASE WHEN ${g} % 2 = 0 AND ${h(g, 6)} % 3 = 0 THEN 'outbound' ELSE 'inbound' END`;
  return { questions, parties, stride, isTarget, resident, opened, topic, occurred, direction };
}

/** Bytes free on the file system of the PostgreSQL data directory (this machine: loopback only). */
export async function freeBytesForPostgres(adminUrl: string): Promise<{ free: number; path: string }> {
  const [row] = await withAdmin(adminUrl, (a) =>
    a.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'data_directory'"),
  );
  const path = row?.setting ?? "/";
  try {
    const stats = statfsSync(path);
    return { free: stats.bavail * stats.bsize, path };
  } catch {
    const stats = statfsSync("/");
    return { free: stats.bavail * stats.bsize, path: "/ (data directory not readable)" };
  }
}

export async function databaseSize(url: string, name: string): Promise<number> {
  const [row] = await withAdmin(url, (a) =>
    a.query<{ size: string }>("SELECT pg_database_size($1)::text AS size", [name]),
  );
  return Number(row?.size ?? 0);
}

/** The cached database for `n` interactions when complete and current; otherwise null. */
export async function cachedTimelineDatabase(adminUrl: string, n: number): Promise<TimelineDatabase | null> {
  const name = timelineDatabaseName(n);
  if (!(await databaseExists(adminUrl, name))) return null;
  const url = databaseUrl(adminUrl, name);
  const marker = await readMarker<Marker>(url);
  if (!marker) {
    log(`timeline ${name}: exists but has no complete marker (an interrupted build): rebuilding`);
    return null;
  }
  if (
    marker.loader_version !== LOADER_VERSION ||
    marker.migrations !== migrationTags() ||
    Number(marker.interactions) !== n
  ) {
    log(
      `timeline ${name}: cached with loader v${marker.loader_version} and migrations ${marker.migrations}: out of date, rebuilding`,
    );
    return null;
  }
  return {
    name,
    url,
    interactions: n,
    tenantId: marker.tenant_id,
    targetPartyId: marker.target_party_id,
    cached: true,
    buildSeconds: marker.build_seconds,
    sizeBytes: await databaseSize(adminUrl, name),
  };
}

export function timelineDatabaseName(n: number): string {
  const label = n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1_000 === 0 ? `${n / 1_000}k` : String(n);
  return `omniloket_bench_timeline_${label}`;
}

const bulkTables = [
  "parties",
  "party_identifiers",
  "questions",
  "interactions",
  "interaction_parties",
  "tasks",
];

export async function buildTimelineDatabase(adminUrl: string, n: number): Promise<TimelineDatabase> {
  const name = timelineDatabaseName(n);
  const started = performance.now();
  await dropDatabase(adminUrl, name);
  await withAdmin(adminUrl, (a) => a.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(adminUrl, name);
  // One connection, so the session settings hold for every statement.
  const db = await createDb({ kind: "postgres", url, poolSize: 1 });
  const s = shape(n);
  log(
    `timeline ${name}: building ${num(n)} interactions, ${num(s.questions)} questions, ${num(s.parties)} parties`,
  );
  try {
    await migrate(db);
    await bulkSession(db, "1GB");
    const [ids] = await db.query<{ tenant: string; target: string }>(
      `SELECT ${uuid("'tenant'")}::text AS tenant, ${uuid("'p0'")}::text AS target`,
    );
    const tenant = `'${ids?.tenant}'::uuid`;
    const defs = await definitions(db, bulkTables);
    await dropKeysAndIndexes(db, defs);
    await step("tenant, teams, parties and their addresses", async () => {
      await db.query(`INSERT INTO tenants (id, slug, name) VALUES (${tenant}, 'bench', 'Gemeente Bench')`);
      await db.query(
        `INSERT INTO teams (id, tenant_id, name, topic_ids, is_general) VALUES
           (${uuid("'team-general'")}, ${tenant}, 'Klantcontactcentrum', '{}', true),
           (${uuid("'team-taxes'")}, ${tenant}, 'Belastingen', '{belastingen,kwijtschelding}', false),
           (${uuid("'team-youth'")}, ${tenant}, 'Jeugd', '{jeugd}', false),
           (${uuid("'team-care'")}, ${tenant}, 'Zorg', '{zorg-wmo}', false)`,
      );
      const given = array([
        "Jan",
        "Fatima",
        "Sanne",
        "Mohamed",
        "Anouk",
        "Daan",
        "Priya",
        "Kees",
        "Lotte",
        "Yusuf",
      ]);
      const family = array([
        "Jansen",
        "de Vries",
        "Bakker",
        "El Amrani",
        "Visser",
        "Smit",
        "Meijer",
        "Öztürk",
        "Mulder",
        "Bos",
      ]);
      await db.query(
        `INSERT INTO parties (id, tenant_id, kind, identity_level, display_name, given_name, family_name, street, house_number, postcode, city, created_at, updated_at)
         SELECT ${uuid("'p' || i")}, ${tenant}, 'person', CASE WHEN i % 5 = 0 THEN 'verified' ELSE 'address-based' END,
                g || ' ' || f, g, f, 'Dorpsstraat', (1 + i % 200)::text, (1000 + i % 8999)::text || ' AB', 'Voorbeeldstad',
                timestamptz '${T0}', timestamptz '${T0}'
           FROM (SELECT i, (${given})[1 + i % 10] AS g, (${family})[1 + (i * 3) % 10] AS f FROM generate_series(0, ${s.parties - 1}) i) t`,
      );
      await db.query(
        `INSERT INTO party_identifiers (tenant_id, party_id, kind, value, verification, created_at)
         SELECT ${tenant}, ${uuid("'p' || i")}, 'email', 'inwoner' || i || '@bench.test', 'asserted-by-channel', timestamptz '${T0}'
           FROM generate_series(0, ${s.parties - 1}) i
         UNION ALL
         SELECT ${tenant}, ${uuid("'p' || i")}, 'phone', '+316' || lpad((10000000 + i)::text, 8, '0'), 'asserted-by-channel', timestamptz '${T0}'
           FROM generate_series(0, ${s.parties - 1}) i WHERE i % 3 = 0`,
      );
    });
    for (let lo = 1; lo <= s.questions; lo += CHUNK) {
      const hi = Math.min(s.questions, lo + CHUNK - 1);
      await step(`questions ${num(lo)}–${num(hi)}`, () =>
        db.query(
          `INSERT INTO questions (id, tenant_id, reference, sequence, resident_party_id, topic_id, status, confidential, due_at, team_id,
                                  opened_at, resolved_at, last_activity_at, created_at)
           SELECT ${uuid("'q' || j")}, ${tenant}, 'BQ' || j, j, ${s.resident("j")}, topic,
                  CASE WHEN resolved THEN 'resolved' ELSE 'open' END, ${h("j", 4)} % 100 = 0, opened + interval '5 days',
                  CASE WHEN topic IN ('belastingen', 'kwijtschelding') THEN ${uuid("'team-taxes'")}
                       WHEN topic = 'jeugd' THEN ${uuid("'team-youth'")}
                       WHEN topic = 'zorg-wmo' THEN ${uuid("'team-care'")}
                       ELSE ${uuid("'team-general'")} END,
                  opened, CASE WHEN resolved THEN opened + interval '4 days' END, opened + interval '3 days', opened
             FROM (SELECT j, topic, opened, opened < timestamptz '${T0}' + make_interval(secs => ${SPAN_SECONDS - 30 * 86_400}) AS resolved
                     FROM (SELECT j, ${s.topic("j")} AS topic, ${s.opened("j")} AS opened FROM generate_series(${lo}, ${hi}) j) a) t`,
        ),
      );
    }
    for (let lo = 1; lo <= n; lo += CHUNK) {
      const hi = Math.min(n, lo + CHUNK - 1);
      await step(`interactions and involvements ${num(lo)}–${num(hi)}`, async () => {
        const rows = `SELECT g, j, ${s.occurred("g", "j")} AS occ, ${s.direction("g")} AS dir,
                             (${array(CHANNELS)})[1 + ${h("j", 7)} % ${CHANNELS.length}] AS channel
                        FROM (SELECT g, (g + 1) / 2 AS j FROM generate_series(${lo}, ${hi}) g) a`;
        await db.query(
          `INSERT INTO interactions (id, tenant_id, question_id, channel, direction, occurred_at, received_at, subject, text, language,
                                     external_id, thread_key, created_at)
           SELECT ${uuid("'i' || g")}, ${tenant}, ${uuid("'q' || j")}, channel, dir, occ, occ + interval '2 seconds',
                  CASE WHEN channel IN ('email', 'webform') THEN 'Vraag over ' || coalesce(${s.topic("j")}, 'iets anders') END,
                  (${array(SENTENCES)})[1 + ${h("g", 8)} % ${SENTENCES.length}] || ' ' || (${array(SENTENCES)})[1 + ${h("g", 9)} % ${SENTENCES.length}] || ' Kenmerk ' || g || '.',
                  'nld', 'bench-' || g, CASE WHEN channel = 'email' AND dir = 'outbound' THEN '<bench-' || g || '@omniloket>' END,
                  occ + interval '2 seconds'
             FROM (${rows}) t`,
        );
        // One resident involvement each; a representative beside it for one in 40 (never the target).
        await db.query(
          `INSERT INTO interaction_parties (tenant_id, interaction_id, party_id, timeline_party_id, role, initiator, contact_name, occurred_at)
           SELECT ${tenant}, ${uuid("'i' || g")}, r, r, 'resident', NOT rep AND dir = 'inbound', NULL, occ
             FROM (SELECT g, occ, dir, ${s.resident("j")} AS r, (g % 40 = 7 AND NOT ${s.isTarget("j")}) AS rep FROM (${rows}) t) u
           UNION ALL
           SELECT ${tenant}, ${uuid("'i' || g")}, ${uuid(`'p' || (1 + (j * 31 + 5) % ${s.parties - 1})`)}, ${s.resident("j")}, 'representative', true, 'Vertegenwoordiger', occ
             FROM (${rows}) t WHERE g % 40 = 7 AND NOT ${s.isTarget("j")}`,
        );
      });
    }
    await step("callback tasks (one question in ten)", () =>
      db.query(
        `INSERT INTO tasks (tenant_id, question_id, cause_interaction_id, kind, status, team_id, due_at, contact_channel, description, created_at, completed_at)
         SELECT tenant_id, id, ${uuid("'i' || (2 * sequence - 1)")}, 'callback', CASE WHEN status = 'resolved' THEN 'done' ELSE 'open' END,
                team_id, opened_at + interval '1 day', 'phone', 'Inwoner terugbellen', opened_at + interval '1 hour',
                CASE WHEN status = 'resolved' THEN opened_at + interval '1 day' END
           FROM questions WHERE ${h("sequence", 10)} % 10 = 0`,
      ),
    );
    await db.query(`SELECT setval('question_reference_seq', ${s.questions + 1000})`);
    await rebuildKeysAndIndexes(db, defs);
    await step("VACUUM ANALYZE", () => db.query("VACUUM ANALYZE"));
    const [check] = await db.query<{ target: string; total: string }>(
      `SELECT (SELECT count(*) FROM interaction_parties WHERE tenant_id = ${tenant} AND timeline_party_id = ${uuid("'p0'")})::text AS target,
              (SELECT count(*) FROM interactions)::text AS total`,
    );
    if (Number(check?.target) !== TARGET_INTERACTIONS || Number(check?.total) !== n) {
      throw new Error(
        `load check failed: target has ${check?.target} timeline rows, ${check?.total} interactions in all`,
      );
    }
    const buildSeconds = (performance.now() - started) / 1000;
    await db.query(
      `CREATE TABLE bench_cache (interactions bigint, loader_version int, migrations text, tenant_id uuid, target_party_id uuid,
                                 build_seconds float8, built_at timestamptz DEFAULT now(), complete boolean)`,
    );
    await db.query("INSERT INTO bench_cache VALUES ($1, $2, $3, $4, $5, $6, now(), true)", [
      n,
      LOADER_VERSION,
      migrationTags(),
      ids?.tenant,
      ids?.target,
      buildSeconds,
    ]);
    const sizeBytes = await databaseSize(adminUrl, name);
    log(`timeline ${name}: built in ${buildSeconds.toFixed(0)} s, ${(sizeBytes / 1024 ** 3).toFixed(2)} GiB`);
    return {
      name,
      url,
      interactions: n,
      tenantId: ids?.tenant as string,
      targetPartyId: ids?.target as string,
      cached: false,
      buildSeconds,
      sizeBytes,
    };
  } finally {
    await db.close();
  }
}
