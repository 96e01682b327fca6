// Bulk-loads the workspace benchmark database (e): `n` questions (default 1M) with 2–3 interactions each
// (2.5 on average) and one resident involvement per interaction, in the migrated schema as ingest writes
// it (reference/sequence/status/due_at/team_id/last_activity_at; interactions; interaction_parties with
// timeline_party_id and occurred_at), a tenant with four teams, parties (one per ten questions) and one
// agent of the general team. About 5% of the questions are unresolved (the inbox), spread over the four
// open statuses. Keys and indexes are dropped during the load and rebuilt from their own definitions;
// then VACUUM ANALYZE and a bench_cache marker row, written last, as in timeline-load.ts.

import { createDb, migrate } from "@omniloket/db";
import { createEmployee } from "../apps/server/src/features/accounts";
import { TEST_PASSWORD } from "../apps/server/src/test-support/harness";
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
import { databaseSize } from "./timeline-load";

/** Bump when the generated shape changes: cached databases of another version are rebuilt. */
const LOADER_VERSION = 1;
const T0 = "2023-01-01T00:00:00Z";
const SPAN_SECONDS = 3 * 365 * 86_400;
const CHUNK = 250_000;
export const AGENT_EMAIL = "agent@bench-workspace.test";
export const AGENT_PASSWORD = TEST_PASSWORD;

export type WorkspaceDatabase = {
  name: string;
  url: string;
  questions: number;
  interactions: number;
  tenantId: string;
  generalTeamId: string;
  cached: boolean;
  buildSeconds: number;
  sizeBytes: number;
};

type Marker = {
  questions: string;
  interactions: string;
  loader_version: number;
  migrations: string;
  tenant_id: string;
  general_team_id: string;
  build_seconds: number;
};

const uuid = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;
const h = (expr: string, salt: number) => `(hashint8((${expr})::bigint * 31 + ${salt}) & 2147483647)`;
const array = (items: string[]) => `ARRAY[${items.map((i) => `'${i.replaceAll("'", "''")}'`).join(",")}]`;
const TOPICS = [
  "afval",
  "parkeren",
  "reisdocumenten",
  "belastingen",
  "verhuizing",
  "wonen",
  "overlast",
].concat(["zorg-wmo", "jeugd", "vergunningen", "kwijtschelding", "openbare-ruimte"]);
const CHANNELS = ["phone", "phone", "phone", "email", "email", "webform", "counter", "chat", "whatsapp"];
const OPEN_STATUSES = ["open", "open", "waiting-on-resident", "waiting-on-municipality", "reopened"];
const SENTENCES = [
  "Goedendag, ik heb een vraag over de aanslag gemeentelijke belastingen die ik vorige week ontving.",
  "Mijn container is al twee weken niet geleegd, kunt u laten weten wanneer dat wel gebeurt?",
  "Ik wil graag een afspraak maken voor een nieuw paspoort, maar online lukt het niet.",
  "Kunt u mij terugbellen over mijn aanvraag? Ik ben overdag bereikbaar.",
];

export function workspaceDatabaseName(n: number): string {
  const label = n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1_000 === 0 ? `${n / 1_000}k` : String(n);
  return `omniloket_bench_workspace_${label}`;
}

/** The cached database for `n` questions when complete and current; otherwise null. */
export async function cachedWorkspaceDatabase(
  adminUrl: string,
  n: number,
): Promise<WorkspaceDatabase | null> {
  const name = workspaceDatabaseName(n);
  if (!(await databaseExists(adminUrl, name))) return null;
  const url = databaseUrl(adminUrl, name);
  const marker = await readMarker<Marker>(url);
  if (
    !marker ||
    marker.loader_version !== LOADER_VERSION ||
    marker.migrations !== migrationTags() ||
    Number(marker.questions) !== n
  ) {
    log(`workspace ${name}: no complete, current marker: rebuilding`);
    return null;
  }
  return {
    name,
    url,
    questions: n,
    interactions: Number(marker.interactions),
    tenantId: marker.tenant_id,
    generalTeamId: marker.general_team_id,
    cached: true,
    buildSeconds: marker.build_seconds,
    sizeBytes: await databaseSize(adminUrl, name),
  };
}

const bulkTables = ["parties", "questions", "interactions", "interaction_parties"];

export async function buildWorkspaceDatabase(adminUrl: string, n: number): Promise<WorkspaceDatabase> {
  const name = workspaceDatabaseName(n);
  const started = performance.now();
  await dropDatabase(adminUrl, name);
  await withAdmin(adminUrl, (a) => a.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(adminUrl, name);
  const db = await createDb({ kind: "postgres", url, poolSize: 1 });
  const parties = Math.max(1_000, Math.round(n / 10));
  log(`workspace ${name}: building ${num(n)} questions (2–3 interactions each), ${num(parties)} parties`);
  try {
    await migrate(db);
    await bulkSession(db, "512MB");
    const [ids] = await db.query<{ tenant: string; general: string }>(
      `SELECT ${uuid("'ws-tenant'")}::text AS tenant, ${uuid("'ws-team-general'")}::text AS general`,
    );
    const tenant = `'${ids?.tenant}'::uuid`;
    const defs = await definitions(db, bulkTables);
    await dropKeysAndIndexes(db, defs);
    await step("tenant, teams and parties", async () => {
      await db.query(`INSERT INTO tenants (id, slug, name) VALUES (${tenant}, 'bench', 'Gemeente Bench')`);
      await db.query(
        `INSERT INTO teams (id, tenant_id, name, topic_ids, is_general) VALUES
           (${uuid("'ws-team-general'")}, ${tenant}, 'Klantcontactcentrum', '{}', true),
           (${uuid("'ws-team-taxes'")}, ${tenant}, 'Belastingen', '{belastingen,kwijtschelding}', false),
           (${uuid("'ws-team-youth'")}, ${tenant}, 'Jeugd', '{jeugd}', false),
           (${uuid("'ws-team-care'")}, ${tenant}, 'Zorg', '{zorg-wmo}', false)`,
      );
      await db.query(
        `INSERT INTO parties (id, tenant_id, kind, identity_level, display_name, given_name, family_name, street, house_number, postcode, city, created_at, updated_at)
         SELECT ${uuid("'p' || i")}, ${tenant}, 'person', 'address-based', 'Inwoner ' || i, 'Inwoner', i::text,
                'Dorpsstraat', (1 + i % 200)::text, (1000 + i % 8999)::text || ' AB', 'Voorbeeldstad',
                timestamptz '${T0}', timestamptz '${T0}'
           FROM generate_series(0, ${parties - 1}) i`,
      );
    });
    // Question j: opened over three years, interactions k = 1..count a day apart; about 5% unresolved.
    const opened = (j: string) =>
      `(timestamptz '${T0}' + make_interval(secs => (${j})::float8 / ${n} * ${SPAN_SECONDS} + ${h(j, 3)} % 3600))`;
    const count = (j: string) => `(2 + (${j}) % 2)`;
    const at = (j: string, k: string) =>
      `(${opened(j)} + make_interval(secs => ((${k}) - 1) * 86400 + ${h(`${j} * 4 + ${k}`, 5)} % 7200))`;
    const topic = (j: string) =>
      `CASE WHEN ${h(j, 2)} % 10 = 0 THEN NULL ELSE (${array(TOPICS)})[1 + ${h(j, 1)} % ${TOPICS.length}] END`;
    const resident = (j: string) => uuid(`'p' || (${j}) % ${parties}`);
    for (let lo = 1; lo <= n; lo += CHUNK) {
      const hi = Math.min(n, lo + CHUNK - 1);
      await step(`questions, interactions, involvements ${num(lo)}–${num(hi)}`, async () => {
        await db.query(
          `INSERT INTO questions (id, tenant_id, reference, sequence, resident_party_id, topic_id, status, confidential, due_at, team_id,
                                  opened_at, resolved_at, last_activity_at, created_at)
           SELECT ${uuid("'q' || j")}, ${tenant}, 'BQ' || j, j, ${resident("j")}, topic,
                  CASE WHEN resolved THEN 'resolved' ELSE (${array(OPEN_STATUSES)})[1 + ${h("j", 12)} % ${OPEN_STATUSES.length}] END,
                  ${h("j", 4)} % 100 = 0,
                  CASE WHEN ${h("j", 13)} % 20 = 0 THEN NULL ELSE opened + interval '5 days' END,
                  CASE WHEN topic IN ('belastingen', 'kwijtschelding') THEN ${uuid("'ws-team-taxes'")}
                       WHEN topic = 'jeugd' THEN ${uuid("'ws-team-youth'")}
                       WHEN topic = 'zorg-wmo' THEN ${uuid("'ws-team-care'")}
                       ELSE ${uuid("'ws-team-general'")} END,
                  opened, CASE WHEN resolved THEN last + interval '1 day' END, last, opened
             FROM (SELECT j, ${topic("j")} AS topic, ${opened("j")} AS opened, ${at("j", count("j"))} AS last,
                          ${h("j", 11)} % 100 >= 5 AS resolved
                     FROM generate_series(${lo}, ${hi}) j) t`,
        );
        const rows = `SELECT j, k, ${at("j", "k")} AS occ,
                             CASE WHEN k = 2 AND ${h("j", 6)} % 2 = 0 THEN 'outbound' ELSE 'inbound' END AS dir,
                             (${array(CHANNELS)})[1 + ${h("j * 4 + k", 7)} % ${CHANNELS.length}] AS channel
                        FROM generate_series(${lo}, ${hi}) j CROSS JOIN LATERAL generate_series(1, ${count("j")}) k`;
        await db.query(
          `INSERT INTO interactions (id, tenant_id, question_id, channel, direction, occurred_at, received_at, subject, text, language,
                                     external_id, created_at)
           SELECT ${uuid("'i' || j || '-' || k")}, ${tenant}, ${uuid("'q' || j")}, channel, dir, occ, occ + interval '2 seconds',
                  CASE WHEN channel IN ('email', 'webform') THEN 'Vraag ' || j END,
                  (${array(SENTENCES)})[1 + ${h("j * 4 + k", 8)} % ${SENTENCES.length}] || ' Kenmerk ' || j || '.',
                  'nld', 'bench-' || j || '-' || k, occ + interval '2 seconds'
             FROM (${rows}) t`,
        );
        await db.query(
          `INSERT INTO interaction_parties (tenant_id, interaction_id, party_id, timeline_party_id, role, initiator, contact_name, occurred_at)
           SELECT ${tenant}, ${uuid("'i' || j || '-' || k")}, ${resident("j")}, ${resident("j")}, 'resident', dir = 'inbound', NULL, occ
             FROM (${rows}) t`,
        );
      });
    }
    await db.query(`SELECT setval('question_reference_seq', ${n + 1000})`);
    await rebuildKeysAndIndexes(db, defs);
    await createEmployee(db.db, {
      tenantId: ids?.tenant as string,
      name: "Anna Agent",
      email: AGENT_EMAIL,
      roles: ["agent"],
      password: AGENT_PASSWORD,
      teamIds: [ids?.general as string],
    });
    await step("VACUUM ANALYZE", () => db.query("VACUUM ANALYZE"));
    const [check] = await db.query<{ questions: string; interactions: string }>(
      "SELECT (SELECT count(*) FROM questions)::text AS questions, (SELECT count(*) FROM interactions)::text AS interactions",
    );
    if (Number(check?.questions) !== n) throw new Error(`load check failed: ${check?.questions} questions`);
    const interactions = Number(check?.interactions);
    const buildSeconds = (performance.now() - started) / 1000;
    await db.query(
      `CREATE TABLE bench_cache (questions bigint, interactions bigint, loader_version int, migrations text, tenant_id uuid,
                                 general_team_id uuid, build_seconds float8, built_at timestamptz DEFAULT now(), complete boolean)`,
    );
    await db.query("INSERT INTO bench_cache VALUES ($1, $2, $3, $4, $5, $6, $7, now(), true)", [
      n,
      interactions,
      LOADER_VERSION,
      migrationTags(),
      ids?.tenant,
      ids?.general,
      buildSeconds,
    ]);
    const sizeBytes = await databaseSize(adminUrl, name);
    log(
      `workspace ${name}: built in ${buildSeconds.toFixed(0)} s, ${(sizeBytes / 1024 ** 3).toFixed(2)} GiB`,
    );
    return {
      name,
      url,
      questions: n,
      interactions,
      tenantId: ids?.tenant as string,
      generalTeamId: ids?.general as string,
      cached: false,
      buildSeconds,
      sizeBytes,
    };
  } finally {
    await db.close();
  }
}
