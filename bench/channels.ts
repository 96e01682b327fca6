// (d) Channels: inbound email over the server's built-in SMTP port, signed Twilio SMS webhooks and
// signed WhatsApp Cloud API webhooks, each measured against the generic API channel (load.ts) in the
// same run, on the same server child (`node bin/omniloket.mjs start` on PostgreSQL). The phases run one
// after the other (API, email, SMS, WhatsApp), each after a short warm-up of its own; what each phase
// stored is counted in the database afterwards, not taken from the status codes alone.
import { createHmac, randomBytes } from "node:crypto";
import autocannon from "autocannon";
import type { SendMailOptions } from "nodemailer";
import nodemailer from "nodemailer";
import { ingestLoad } from "./load";
import type { Settings } from "./run";
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
  summarise,
  tempDir,
  withAdmin,
} from "./support";

const WARMUP_SECONDS = 3;
const SMS_PATH = "/channels/sms/twilio";
const WHATSAPP_PATH = "/channels/whatsapp";

// The municipality's channel connections, written into its tenant settings before the server starts.
const ADDRESS = "info@bench.gemeente.test";
const SMS = {
  provider: "twilio",
  accountSid: "AC0b3f1d2e4c5a6978b0c1d2e3f4a5b6c7",
  authToken: "bench-twilio-auth-token",
  from: "+3197010000001",
};
const WHATSAPP = {
  phoneNumberId: "109876543210",
  accessToken: "bench-whatsapp-access-token",
  appSecret: "bench-whatsapp-app-secret",
  verifyToken: "bench-verify-token",
};

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

const given = [
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
  "Eva",
];
const family = ["Jansen", "de Vries", "Bakker", "El Amrani", "Visser", "Smit", "Meijer", "Öztürk", "Mulder"];
const subjects = [
  "Vraag over mijn aanslag gemeentelijke belastingen",
  "Container niet geleegd",
  "Afspraak paspoort lukt niet online",
  "Verhuizing doorgeven",
  "Kapotte lantaarnpaal in de Dorpsstraat",
  "Aanvraag parkeervergunning",
  "Geluidsoverlast buren",
  "Wmo-aanvraag huishoudelijke hulp",
];
const paragraphs = [
  "Goedendag, ik heb vorige week de aanslag gemeentelijke belastingen ontvangen, maar de WOZ-waarde klopt volgens mij niet. Kunt u uitleggen hoe die is bepaald?",
  "Onze groene container is al twee weken niet geleegd. De hele straat is wel geweest, alleen wij niet. Wanneer komt de wagen wel langs?",
  "Ik probeer online een afspraak te maken voor een nieuw paspoort, maar ik krijg steeds een foutmelding. Mijn paspoort verloopt over drie weken.",
  "Wij zijn op 1 mei verhuisd naar de Kerkstraat 12. Ik weet niet zeker of de verhuizing goed is doorgegeven voor mijn partner en de kinderen.",
  "Er staat al dagen een kapotte lantaarnpaal bij de speeltuin. Het is 's avonds erg donker en de kinderen lopen daar naar huis.",
  "Ik heb in maart een parkeervergunning aangevraagd en nog niets gehoord. Kunt u zien hoe het ervoor staat?",
  "De buren draaien elke nacht tot drie uur harde muziek. We hebben het al vriendelijk gevraagd, maar het helpt niet.",
  "Mijn moeder (84) heeft hulp nodig in het huishouden. Hoe vragen we dat aan en hoe lang duurt het voordat er iemand komt?",
];
const closings = [
  "Met vriendelijke groet,",
  "Alvast bedankt voor uw reactie.",
  "Groet,",
  "Hartelijke groeten,",
];
const replies = [
  "Dank u voor uw snelle antwoord. Ik heb nog een aanvullende vraag: geldt dit ook voor mijn garagebox?",
  "Helaas is het probleem nog niet opgelost. Kunt u nog eens kijken?",
  "Bedankt, het is gelukt. Ik stuur de gevraagde kopie hierbij nog even mee.",
  "Ik ben overdag bereikbaar op 06-12345678 als u mij liever belt.",
];
const smsTexts = [
  "Hoi, mijn container is vandaag weer niet geleegd. Postcode 1234 AB.",
  "Wanneer kan ik mijn rijbewijs ophalen? Ik kreeg een sms dat het klaar is.",
  "Er ligt grofvuil naast de ondergrondse container op het Marktplein.",
  "Kunt u mij terugbellen over mijn aanvraag bijzondere bijstand? Groet, Sanne",
  "Lantaarnpaal bij Kerkstraat 14 is kapot, al een week donker 's avonds.",
  "Is het gemeentehuis morgen open? Ik moet een uittreksel ophalen.",
];
const whatsappTexts = [
  "Goedemiddag! Ik wil een afspraak maken voor een ID-kaart voor mijn dochter. Kan dat zaterdag ook?",
  "Hallo, de stoep voor ons huis is opgebroken en ligt er al drie weken zo bij. Wanneer wordt dit afgemaakt?",
  "Ik heb een vraag over de kwijtschelding van de afvalstoffenheffing. Welke papieren moet ik meesturen?",
  "Er staat een fietswrak al maanden tegen het hek bij het station. Kan de gemeente die weghalen?",
  "Dank voor de info! Nog één vraag: moet ik de aanvraag ook ondertekenen?",
  "Wij hebben overlast van ratten in de achtertuinen aan de Lindelaan. Wat kunnen we doen?",
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const slug = (s: string) => s.normalize("NFD").replace(/[^\w]/g, "").toLowerCase();

// A tiny but well-formed PDF and a JPEG-looking file, a few KB each: a scanned letter or a photo.
const pdf = Buffer.concat([
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n",
  ),
  Buffer.from(`%${"brief van de gemeente ".repeat(300)}\n`),
  Buffer.from("trailer<</Root 1 0 R>>\n%%EOF\n"),
]);
const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  randomBytes(12_000),
  Buffer.from([0xff, 0xd9]),
]);

type SentMail = { messageId: string; from: string; name: string; subject: string; text: string };

/**
 * Distinct emails: half plain text, a fifth HTML (HTML only or with a text part), a tenth with a small
 * attachment, a fifth replies (In-Reply-To and References to an earlier accepted message, quoted
 * history below); about a third of new questions come from a resident who wrote before.
 */
function mailStream(runId: string) {
  let n = 0;
  const known: SentMail[] = [];
  const counts = { plain: 0, html: 0, attachment: 0, reply: 0 };
  const pairs: Array<[string, string]> = [];
  return {
    counts,
    pairs,
    next(): { options: SendMailOptions; sent: SentMail; parent: string | null } {
      n += 1;
      const kind = n % 10;
      const messageId = `<bench-${runId}-${n}@mail.voorbeeld.test>`;
      const parent = kind >= 8 && known.length > 20 ? (known[(n * 7919) % known.length] as SentMail) : null;
      if (parent) {
        counts.reply += 1;
        const text = `${pick(replies, n)}\n\n${pick(closings, n)}\n${parent.name}\n\nOp ${new Date().toLocaleDateString("nl-NL")} schreef Gemeente Bench <${ADDRESS}>:\n> Dank voor uw bericht. We nemen binnen vijf werkdagen contact met u op.\n>\n> ${parent.text.split("\n")[0]}`;
        const sent = { messageId, from: parent.from, name: parent.name, subject: parent.subject, text };
        return {
          sent,
          parent: parent.messageId,
          options: {
            from: { name: parent.name, address: parent.from },
            to: ADDRESS,
            subject: `Re: ${parent.subject}`,
            text,
            messageId,
            inReplyTo: parent.messageId,
            references: [parent.messageId],
          },
        };
      }
      const again =
        known.length > 50 && n % 3 === 0 ? (known[(n * 104_729) % known.length] as SentMail) : null;
      const name = again?.name ?? `${pick(given, n)} ${pick(family, Math.floor(n / 3))}`;
      const from = again?.from ?? `${slug(name)}.${runId}.${n}@voorbeeld.test`;
      const subject = pick(subjects, n + Math.floor(n / 8));
      const text = `Geachte heer/mevrouw,\n\n${pick(paragraphs, n)}\n\n${pick(closings, n * 3)}\n${name}\n${pick(["Kerkstraat", "Dorpsstraat", "Lindelaan", "Molenweg"], n)} ${1 + (n % 120)}`;
      const sent = { messageId, from, name, subject, text };
      const options: SendMailOptions = { from: { name, address: from }, to: ADDRESS, subject, messageId };
      if (kind === 5 || kind === 6) {
        counts.html += 1;
        const html = `<html><body><p>Geachte heer/mevrouw,</p><p>${pick(paragraphs, n)}</p><p>${pick(closings, n * 3)}<br><b>${name}</b></p><img src="https://tracker.example/p.gif"><script>alert(1)</script></body></html>`;
        options.html = html;
        if (kind === 6) options.text = text;
      } else if (kind === 7) {
        counts.attachment += 1;
        options.text = text;
        options.attachments = [
          n % 2 === 0
            ? { filename: "brief gemeente.pdf", content: pdf, contentType: "application/pdf" }
            : { filename: `foto-${n}.jpg`, content: jpeg, contentType: "image/jpeg" },
        ];
      } else {
        counts.plain += 1;
        options.text = text;
      }
      return { options, sent, parent: null };
    },
    accepted(sent: SentMail, parent: string | null) {
      if (parent) pairs.push([sent.messageId, parent]);
      else if (known.length < 5_000) known.push(sent);
      else known[Math.floor(Math.random() * 5_000)] = sent;
    },
  };
}

/** `clients` pooled SMTP connections, each sending one message after another for `seconds`. */
async function emailLoad(input: { port: number; clients: number; seconds: number; runId: string }) {
  const stream = mailStream(input.runId);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const end = started + input.seconds * 1000;
  const client = async () => {
    const transport = nodemailer.createTransport({
      host: "127.0.0.1",
      port: input.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
      maxMessages: Number.POSITIVE_INFINITY,
    });
    try {
      while (performance.now() < end) {
        const { options, sent, parent } = stream.next();
        const t0 = performance.now();
        try {
          const info = await transport.sendMail(options);
          const code = /^\d{3}/.exec(String(info.response))?.[0] ?? "?";
          statuses[code] = (statuses[code] ?? 0) + 1;
          if (code === "250") {
            latencies.push(performance.now() - t0);
            stream.accepted(sent, parent);
          } else {
            errors += 1;
            firstError ??= String(info.response).slice(0, 300);
          }
        } catch (error) {
          const e = error as { responseCode?: number; message?: string };
          const code = String(e.responseCode ?? "error");
          statuses[code] = (statuses[code] ?? 0) + 1;
          errors += 1;
          firstError ??= `${code} ${String(e.message).slice(0, 300)}`;
        }
      }
    } finally {
      transport.close();
    }
  };
  await Promise.all(Array.from({ length: input.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  const s = summarise(latencies);
  return {
    seconds,
    ok: s.n,
    p50: s.p50,
    p99: s.p99,
    errors,
    statuses,
    firstError,
    counts: stream.counts,
    pairs: stream.pairs,
  };
}

// ---------------------------------------------------------------- signed webhooks

/** Twilio's X-Twilio-Signature: base64 HMAC-SHA1 of the URL followed by every parameter (name, value) sorted by name. */
function twilioSignature(url: string, params: Array<[string, string]>): string {
  const sorted = [...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const data = url + sorted.map(([k, v]) => k + v).join("");
  return createHmac("sha1", SMS.authToken).update(data, "utf8").digest("base64");
}

/** A valid Dutch mobile number (316 1…5 and seven digits, without "+"), different per run and resident. */
function mobile(who: number, runId: string): string {
  const offset = Number.parseInt(createHmac("md5", runId).digest("hex").slice(0, 7), 16);
  return `316${1 + (who % 5)}${String((Math.floor(who / 5) * 7_919 + offset) % 10_000_000).padStart(7, "0")}`;
}

function smsStream(url: string, runId: string) {
  let n = 0;
  return (): { body: string; headers: Record<string, string> } => {
    n += 1;
    const sid = `SM${createHmac("md5", runId).update(String(n)).digest("hex")}`;
    // About a third from a number that texted before in this run.
    const who = n % 3 === 0 ? Math.floor(n / 7) : n;
    const from = `+${mobile(who, runId)}`;
    const params: Array<[string, string]> = [
      ["ToCountry", "NL"],
      ["ToState", ""],
      ["SmsMessageSid", sid],
      ["NumMedia", "0"],
      ["ToCity", ""],
      ["FromZip", ""],
      ["SmsSid", sid],
      ["FromState", ""],
      ["SmsStatus", "received"],
      ["FromCity", ""],
      ["Body", pick(smsTexts, n)],
      ["FromCountry", "NL"],
      ["To", SMS.from],
      ["ToZip", ""],
      ["NumSegments", "1"],
      ["MessageSid", sid],
      ["AccountSid", SMS.accountSid],
      ["From", from],
      ["ApiVersion", "2010-04-01"],
    ];
    return {
      body: new URLSearchParams(params).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilioSignature(url, params),
      },
    };
  };
}

function whatsappStream(runId: string) {
  let n = 0;
  return (): { body: string; headers: Record<string, string> } => {
    n += 1;
    const who = n % 3 === 0 ? Math.floor(n / 7) : n;
    const from = mobile(who, runId);
    const id = `wamid.${Buffer.from(`${runId}.${n}.${from}`).toString("base64url")}`;
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "3197010000002", phone_number_id: WHATSAPP.phoneNumberId },
                contacts: [
                  { profile: { name: `${pick(given, who)} ${pick(family, who * 3)}` }, wa_id: from },
                ],
                messages: [
                  {
                    from,
                    id,
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    type: "text",
                    text: { body: pick(whatsappTexts, n) },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const signature = `sha256=${createHmac("sha256", WHATSAPP.appSecret).update(body, "utf8").digest("hex")}`;
    return { body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } };
  };
}

/** autocannon with a new, separately signed body for every request. */
async function webhookLoad(input: {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  next: () => { body: string; headers: Record<string, string> };
}) {
  const statuses: Record<string, number> = {};
  let firstError: string | null = null;
  const result = await autocannon({
    url: input.url,
    connections: input.connections,
    pipelining: 1,
    duration: input.seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: input.path,
        setupRequest: (request) => {
          const { body, headers } = input.next();
          return { ...request, body, headers };
        },
        onResponse: (status, body) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status !== 200 && firstError === null) firstError = `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  });
  const ok = statuses["200"] ?? 0;
  return {
    seconds: result.duration,
    ok,
    p50: result.latency.p50 ?? Number.NaN,
    p99: result.latency.p99 ?? Number.NaN,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
    firstError,
  };
}

// ---------------------------------------------------------------- the run

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
