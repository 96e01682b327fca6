// (d) Channels: inbound email over the server's built-in SMTP port, signed Twilio SMS webhooks and
// signed WhatsApp Cloud API webhooks, each measured against the generic API channel (load.ts) in the
// same run, on the same server child (`node bin/omniloket.mjs start` on PostgreSQL). The phases run one
// after the other (API, email, SMS, WhatsApp), each after a short warm-up of its own; what each phase
// stored is counted in the database afterwards, not taken from the status codes alone.
import { randomBytes } from "node:crypto";
import { ADDRESS, SMS, SMS_PATH, WHATSAPP, WHATSAPP_PATH } from "./channels-data";
import { emailLoad } from "./channels-email";
import { smsStream, webhookLoad, whatsappStream } from "./channels-webhooks";
import { ingestLoad } from "./load";
import type { Settings } from "./settings";
import {
  formatCpu,
  freePort,
  freshDatabase,
  log,
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
export type ChannelPhase = {
  channel: string;
  clients: number;
  seconds: number;
  /** Accepted by the server: 201 (API), 200 (webhooks), 250 (SMTP). */
  ok: number;
  /**
   * Interactions the database gained from the measured part of the phase. Can exceed `ok` by the HTTP
   * requests still in flight when autocannon stopped (at most one per client); SMTP clients finish theirs.
   */
  stored: number;
  /** Accepted per second within the phase: the figure compared between channels. */
  tps: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
  firstError: string | null;
  cpu: Record<string, number>;
  notes: string[];
};

export type ChannelFigures = {
  api: ChannelPhase;
  email: ChannelPhase;
  sms: ChannelPhase;
  whatsapp: ChannelPhase;
};

// ---------------------------------------------------------------- realistic Dutch content

type Counted = { interactions: number; byChannel: Record<string, number> };

async function interactionCounts(url: string): Promise<Counted> {
  const rows = await withAdmin(url, (db) =>
    db.query<{ channel: string; n: string }>(
      "SELECT channel, count(*)::text AS n FROM interactions GROUP BY channel",
    ),
  );
  const byChannel = Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  return { interactions: Object.values(byChannel).reduce((a, b) => a + b, 0), byChannel };
}

/** Waits until requests still in flight when a load ended (autocannon stops without waiting) are written. */
async function settled(url: string): Promise<Counted> {
  let last = await interactionCounts(url);
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await interactionCounts(url);
    if (now.interactions === last.interactions) return now;
    last = now;
  }
  return last;
}

/** Warm-up (not counted), then the measured phase between two database counts, under the CPU monitor. */
async function phase<T extends { seconds: number; ok: number; p50: number; p99: number; errors: number }>(
  server: ServerChild,
  databaseUrl: string,
  channel: string,
  clients: number,
  seconds: number,
  load: (
    seconds: number,
    runId: string,
  ) => Promise<T & { statuses: Record<string, number>; firstError: string | null }>,
  notes: (result: T) => Promise<string[]>,
): Promise<ChannelPhase> {
  const tag = randomBytes(3).toString("hex");
  const warm = await load(WARMUP_SECONDS, `w${tag}`);
  if (warm.ok === 0) throw new Error(`${channel}: nothing accepted in the warm-up: ${warm.firstError}`);
  const before = await settled(databaseUrl);
  const monitor = monitorCpu(
    { "server child": () => processTree(server.pid), "postgres (all backends)": postgresPids },
    "load generator (bench process)",
  );
  const result = await load(seconds, `m${tag}`);
  const cpu = monitor.stop();
  const after = await settled(databaseUrl);
  const stored = after.interactions - before.interactions;
  const figures: ChannelPhase = {
    channel,
    clients,
    seconds: result.seconds,
    ok: result.ok,
    stored,
    tps: result.ok / result.seconds,
    p50: result.p50,
    p99: result.p99,
    errors: result.errors,
    statuses: result.statuses,
    firstError: result.firstError,
    cpu,
    notes: await notes(result),
  };
  log(
    `${channel}: ${num(figures.tps, 1)} messages/s (${num(figures.ok)} accepted, ${num(stored)} stored in ${figures.seconds.toFixed(1)} s, ${clients} clients), ` +
      `p50 ${ms(figures.p50)} p99 ${ms(figures.p99)}, errors ${figures.errors}, statuses ${JSON.stringify(figures.statuses)}`,
  );
  for (const note of figures.notes) log(`  ${note}`);
  log(`  CPU over the run (100% = one core, the machine has 2): ${formatCpu(cpu)}`);
  if (figures.firstError) log(`  first error: ${figures.firstError}`);
  return figures;
}

export async function measureChannels(s: Settings): Promise<ChannelFigures> {
  const database = await freshDatabase(s.databaseUrl, "omniloket_bench_channels");
  const dataDir = tempDir("channels");
  try {
    const env = {
      DATABASE_URL: database.url,
      OMNILOKET_DATA_DIR: dataDir,
      OMNILOKET_DEMO: "0",
      HOST: "127.0.0.1",
    };
    await runCli(["tenant", "add", "--slug", "bench", "--name", "Bench"], env);
    const out = await runCli(["token", "create", "--name", "bench"], env);
    const token = /olt_[A-Za-z0-9_-]+/.exec(out)?.[0];
    if (!token) throw new Error(`token create printed no olt_ token:\n${out}`);
    // As the tests and an admin do it: the channel connections in the tenant's settings.
    const channels = {
      email: { addresses: [ADDRESS], from: `Gemeente Bench <${ADDRESS}>` },
      sms: SMS,
      whatsapp: WHATSAPP,
    };
    await withAdmin(database.url, (db) =>
      db.query(
        `UPDATE tenants SET settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{channels}', $1::jsonb) WHERE slug = 'bench'`,
        [JSON.stringify(channels)],
      ),
    );
    const smtpPort = await freePort();
    const server = await startServer({
      ...env,
      PORT: String(await freePort()),
      OMNILOKET_SMTP_PORT: String(smtpPort),
      OMNILOKET_SMTP_HOST: "127.0.0.1",
    });
    log(
      `channels/PostgreSQL: server child pid ${server.pid} at ${server.url}, SMTP on 127.0.0.1:${smtpPort}, ready in ${(server.readyMs / 1000).toFixed(1)} s`,
    );
    try {
      const api = await phase(
        server,
        database.url,
        "generic API (POST /api/v1/interactions)",
        s.connections,
        s.durationSeconds,
        (seconds, runId) =>
          ingestLoad({ url: server.url, token, connections: s.connections, seconds, runId }),
        async (r) => [
          `sender mix: ${num(r.repeats)} from a known address, ${num(r.quoted)} quoting a reference`,
        ],
      );
      const email = await phase(
        server,
        database.url,
        "inbound email (SMTP)",
        s.smtpClients,
        s.durationSeconds,
        (seconds, runId) => emailLoad({ port: smtpPort, clients: s.smtpClients, seconds, runId }),
        async (r) => {
          const [check] = await withAdmin(database.url, (db) =>
            db.query<{ threaded: string; attachments: string; quarantined: string }>(
              `SELECT
                 (SELECT count(*) FROM unnest($1::text[], $2::text[]) AS x(reply, parent)
                    JOIN interactions ri ON ri.channel = 'email' AND ri.external_id = x.reply
                    JOIN interactions pi ON pi.channel = 'email' AND pi.external_id = x.parent
                   WHERE ri.question_id = pi.question_id)::text AS threaded,
                 (SELECT count(*) FROM attachments)::text AS attachments,
                 (SELECT count(*) FROM quarantined_messages)::text AS quarantined`,
              [r.pairs.map((p) => p[0]), r.pairs.map((p) => p[1])],
            ),
          );
          return [
            `mix sent: ${num(r.counts.plain)} plain, ${num(r.counts.html)} HTML, ${num(r.counts.attachment)} with an attachment, ${num(r.counts.reply)} replies (In-Reply-To)`,
            `check: ${check?.threaded}/${num(r.pairs.length)} accepted replies threaded into their first message's question; ${check?.attachments} attachments and ${check?.quarantined} quarantined mails in the database (warm-up included)`,
          ];
        },
      );
      const smsUrl = new URL(SMS_PATH, server.url).toString();
      const sms = await phase(
        server,
        database.url,
        "SMS webhook (Twilio)",
        s.connections,
        s.durationSeconds,
        (seconds, runId) =>
          webhookLoad({
            url: server.url,
            path: SMS_PATH,
            connections: s.connections,
            seconds,
            next: smsStream(smsUrl, runId),
          }),
        async () => [],
      );
      const whatsapp = await phase(
        server,
        database.url,
        "WhatsApp webhook (Cloud API)",
        s.connections,
        s.durationSeconds,
        (seconds, runId) =>
          webhookLoad({
            url: server.url,
            path: WHATSAPP_PATH,
            connections: s.connections,
            seconds,
            next: whatsappStream(runId),
          }),
        async () => [],
      );
      const totals = await settled(database.url);
      log(`  database after all phases: ${JSON.stringify(totals.byChannel)} interactions by channel`);
      return { api, email, sms, whatsapp };
    } finally {
      await stopChild(server.child);
    }
  } finally {
    await database.drop();
    removeTempDir(dataDir);
  }
}
