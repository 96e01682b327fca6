// Inbound email for the channels benchmark: realistic Dutch mails over SMTP to the server's built-in port.
import { randomBytes } from "node:crypto";
import type { SendMailOptions } from "nodemailer";
import nodemailer from "nodemailer";
import { ADDRESS, family, given, pick, slug } from "./channels-data";
import { summarise } from "./support";

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
export async function emailLoad(input: { port: number; clients: number; seconds: number; runId: string }) {
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
