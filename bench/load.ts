// The ingest load: N concurrent clients POST /api/v1/interactions through autocannon, each body a new
// contact with a unique externalId and a realistic sender mix (mostly new addresses, some residents
// writing again, sometimes quoting their question reference).
import autocannon from "autocannon";

const channels: Array<{ channel: string; kind: "email" | "phone" | "whatsapp"; weight: number }> = [
  { channel: "email", kind: "email", weight: 35 },
  { channel: "webform", kind: "email", weight: 15 },
  { channel: "phone", kind: "phone", weight: 20 },
  { channel: "whatsapp", kind: "whatsapp", weight: 10 },
  { channel: "chat", kind: "email", weight: 5 },
  { channel: "api", kind: "email", weight: 15 },
];
const topics = [
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
];
const given = ["Jan", "Fatima", "Sanne", "Mohamed", "Anouk", "Daan", "Priya", "Kees", "Lotte", "Yusuf"];
const family = [
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
];
const sentences = [
  "Goedendag, ik heb een vraag over de aanslag gemeentelijke belastingen die ik vorige week ontving.",
  "Mijn container is al twee weken niet geleegd, kunt u laten weten wanneer dat wel gebeurt?",
  "Ik wil graag een afspraak maken voor een nieuw paspoort, maar online lukt het niet.",
  "Wij zijn verhuisd en ik weet niet zeker of de verhuizing goed is doorgegeven.",
  "Er staat al dagen een kapotte lantaarnpaal in onze straat, het is 's avonds erg donker.",
  "Kunt u mij terugbellen over mijn aanvraag? Ik ben overdag bereikbaar.",
];

/** Share of contacts from an address seen before in this run (the rest are new residents). */
export const REPEAT_SHARE = 0.3;

export type LoadResult = {
  seconds: number;
  ok: number;
  tps: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
  firstError: string | null;
  repeats: number;
  quoted: number;
};

type Sender = { kind: "email" | "phone" | "whatsapp"; value: string; reference?: string };

function contactStream(runId: string) {
  let n = 0;
  let repeats = 0;
  let quoted = 0;
  const known: Sender[] = [];
  const pickChannel = (kind?: Sender["kind"]) => {
    const options = kind ? channels.filter((c) => c.kind === kind) : channels;
    let r = Math.random() * options.reduce((a, c) => a + c.weight, 0);
    for (const c of options) {
      r -= c.weight;
      if (r < 0) return c;
    }
    return channels[0] as (typeof channels)[number];
  };
  return {
    stats: () => ({ repeats, quoted }),
    next(context: Record<string, unknown>): string {
      n += 1;
      const again = known.length > 50 && Math.random() < REPEAT_SHARE;
      let sender: Sender;
      let channel: (typeof channels)[number];
      if (again) {
        repeats += 1;
        sender = known[Math.floor(Math.random() * known.length)] as Sender;
        channel = pickChannel(sender.kind);
      } else {
        channel = pickChannel();
        const value =
          channel.kind === "email"
            ? `inwoner.${runId}.${n}@voorbeeld.test`
            : `06${1 + (n % 5)}${String(Math.floor(n / 5) % 10_000_000).padStart(7, "0")}`;
        sender = { kind: channel.kind, value };
        if (known.length < 5_000) known.push(sender);
        else known[n % 5_000] = sender;
      }
      context.sender = sender;
      const quote = again && sender.reference && Math.random() < 0.3 ? sender.reference : null;
      if (quote) quoted += 1;
      const withName = Math.random() < 0.6;
      const body = {
        channel: channel.channel,
        externalId: `bench-${runId}-${n}`,
        subject: channel.kind === "email" ? (quote ? `Re: ${quote}` : "Vraag aan de gemeente") : undefined,
        text: `${sentences[n % sentences.length]} ${sentences[(n * 7) % sentences.length]}`,
        topicId: Math.random() < 0.8 ? topics[n % topics.length] : undefined,
        sender: {
          identifiers: [{ kind: sender.kind, value: sender.value }],
          ...(withName
            ? { name: { givenName: given[n % given.length], familyName: family[(n * 3) % family.length] } }
            : {}),
        },
      };
      return JSON.stringify(body);
    },
    learn(status: number, body: string, context: Record<string, unknown>) {
      if (status !== 201) return;
      const sender = context.sender as Sender | undefined;
      if (!sender) return;
      const reference = /"questionReference":"([^"]+)"/.exec(body)?.[1];
      if (reference) sender.reference = reference;
    },
  };
}

/** One load run of `seconds` with `connections` concurrent keep-alive clients. */
export async function ingestLoad(input: {
  url: string;
  token: string;
  connections: number;
  seconds: number;
  runId: string;
}): Promise<LoadResult> {
  const stream = contactStream(input.runId);
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
        path: "/api/v1/interactions",
        headers: { authorization: `Bearer ${input.token}`, "content-type": "application/json" },
        setupRequest: (request, context) => ({ ...request, body: stream.next(context) }),
        onResponse: (status, body, context) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 300 && firstError === null) firstError = `${status} ${body.slice(0, 300)}`;
          stream.learn(status, body, context);
        },
      },
    ],
  });
  const ok = statuses["201"] ?? 0;
  const errors = result.non2xx + result.errors + result.timeouts + (statuses["200"] ?? 0);
  return {
    seconds: result.duration,
    ok,
    tps: ok / result.duration,
    p50: result.latency.p50 ?? Number.NaN,
    p99: result.latency.p99 ?? Number.NaN,
    errors,
    statuses,
    firstError,
    ...stream.stats(),
  };
}
