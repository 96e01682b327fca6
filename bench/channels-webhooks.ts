// Signed SMS (Twilio) and WhatsApp (Cloud API) webhooks for the channels benchmark.
import { createHmac } from "node:crypto";
import autocannon from "autocannon";
import { family, given, pick, SMS, WHATSAPP } from "./channels-data";

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

export function smsStream(url: string, runId: string) {
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

export function whatsappStream(runId: string) {
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
export async function webhookLoad(input: {
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
