// (g) portal: the residents' pages (/mijn/{gemeente}) on the demo municipality: what a phone downloads
// for a page (HTML and the NL Design System stylesheet, counted on the wire as a browser that accepts
// gzip gets them; there are no scripts, images or fonts) and the time to first byte.
import { get } from "node:http";
import { gzipSync } from "node:zlib";
import { createDb } from "@omniloket/db";
import { updateChannelSettings } from "../apps/server/src/features/organisation";
import { smtpCapture } from "../apps/server/src/test-support/smtp-capture";
import type { Settings } from "./settings";
import {
  freePort,
  freshDatabase,
  log,
  ms,
  num,
  record,
  removeTempDir,
  startServer,
  stopChild,
  summarise,
  tempDir,
  verdict,
} from "./support";

const SLUG = "voorbeeldstad";

/** The bytes of a response body as they cross the wire, as a browser asks (gzip accepted; nothing decoded). */
function wireBytes(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "gzip, deflate, br", ...headers } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on("end", () => resolve(bytes));
      response.on("error", reject);
    }).on("error", reject);
  });
}

/** A browser's cookie jar for one site, enough for the portal's login (path-scoped cookies, one origin). */
function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ""] = line.split(";");
        const at = pair.indexOf("=");
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") cookies.delete(name);
        else cookies.set(name, value);
      }
    },
  };
}

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

export type PortalFigures = {
  questions: number;
  /** `wire`: the bytes transferred, as a browser that accepts gzip gets the page. */
  pages: Array<{ page: string; htmlBytes: number; htmlGzip: number; wire: number }>;
  cssBytes: number;
  cssGzip: number;
  cssWire: number;
  ttfb: ReturnType<typeof summarise>;
  requests: number;
};

/** Logs a demo resident in through the real code email, then times their pages. */
export async function measurePortal(s: Settings): Promise<PortalFigures> {
  const database = await freshDatabase(s.databaseUrl, "omniloket_bench_portal");
  const dataDir = tempDir("portal");
  const relay = await smtpCapture();
  try {
    const server = await startServer(
      {
        DATABASE_URL: database.url,
        OMNILOKET_DATA_DIR: dataDir,
        OMNILOKET_DEMO: "1",
        OMNILOKET_DEMO_RESIDENTS: String(s.portalDemoResidents),
        OMNILOKET_SMTP_RELAY_URL: relay.url,
        HOST: "127.0.0.1",
        PORT: String(await freePort()),
      },
      { timeoutMs: 600_000 },
    );
    log(
      `portal: demo of ${num(s.portalDemoResidents)} residents loaded, server ready in ${ms(server.readyMs)}`,
    );
    try {
      // The demo resident with the most questions: the heaviest "Mijn vragen" page.
      const probe = await createDb({ kind: "postgres", url: database.url, poolSize: 1 });
      let email = "";
      let questionIds: string[] = [];
      try {
        const [top] = await probe.query<{ value: string; party_id: string }>(
          `SELECT pi.value, pi.party_id::text FROM party_identifiers pi
             JOIN questions q ON q.resident_party_id = pi.party_id
            WHERE pi.kind = 'email' GROUP BY pi.value, pi.party_id ORDER BY count(*) DESC, pi.value LIMIT 1`,
        );
        if (!top) throw new Error("the demo has no resident with an email address and questions");
        // The demo municipality has no outgoing email address of its own: give it one, as an admin would.
        const [tenant] = await probe.query<{ id: string }>("SELECT id::text FROM tenants WHERE slug = $1", [
          SLUG,
        ]);
        await updateChannelSettings(
          { db: probe.db },
          {
            tenantId: tenant?.id ?? "",
            channels: {
              email: {
                addresses: [`contact@${SLUG}.nl`],
                from: `Gemeente Voorbeeldstad <contact@${SLUG}.nl>`,
              },
            },
          },
        );
        email = top.value;
        questionIds = (
          await probe.query<{ id: string }>("SELECT id::text FROM questions WHERE resident_party_id = $1", [
            top.party_id,
          ])
        ).map((r) => r.id);
      } finally {
        await probe.close();
      }

      const base = `${server.url}/mijn/${SLUG}`;
      const jar = cookieJar();
      const go = async (path: string, form?: Record<string, string>) => {
        const response = await fetch(`${base}${path}`, {
          method: form ? "POST" : "GET",
          redirect: "manual",
          headers: {
            cookie: jar.header(),
            ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          },
          ...(form ? { body: new URLSearchParams(form).toString() } : {}),
        });
        jar.take(response);
        return { status: response.status, html: await response.text() };
      };
      const login = await go("/inloggen");
      const sent = await go("/inloggen", { _token: hidden(login.html, "_token"), email });
      if (sent.status !== 303) throw new Error(`login answered ${sent.status}: ${sent.html.slice(0, 300)}`);
      const codePage = await go("/inloggen/code");
      const code = await relay.latestCode(email);
      const verified = await go("/inloggen/code", { _token: hidden(codePage.html, "_token"), code });
      if (verified.status !== 303) throw new Error(`code answered ${verified.status}`);

      const pages = ["/vragen", ...questionIds.map((id) => `/vragen/${id}`)];
      const weigh = async (path: string) => {
        const { status, html } = await go(path);
        if (status !== 200) throw new Error(`${path} answered ${status}`);
        return { page: path.startsWith("/vragen/") ? "question" : "my questions", html };
      };
      const list = await weigh("/vragen");
      const question = await weigh(pages[1] ?? "/vragen");
      const cssHref = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(list.html)?.[1] ?? "";
      const cssUrl = new URL(cssHref, server.url).toString();
      const css = cssHref ? await (await fetch(cssUrl)).text() : "";
      const cssWire = cssHref ? await wireBytes(cssUrl) : 0;
      const pageWire = async (path: string) => wireBytes(`${base}${path}`, { cookie: jar.header() });
      const wire = { list: await pageWire("/vragen"), question: await pageWire(pages[1] ?? "/vragen") };

      // Time to first byte: fetch resolves when the response's headers are in.
      const ttfb: number[] = [];
      for (let i = 0; i < s.portalRequests; i++) {
        const path = pages[i % pages.length] ?? "/vragen";
        const started = performance.now();
        const response = await fetch(`${base}${path}`, { headers: { cookie: jar.header() } });
        ttfb.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        await response.arrayBuffer();
      }
      const size = (text: string) => ({
        htmlBytes: Buffer.byteLength(text),
        htmlGzip: gzipSync(text, { level: 6 }).length,
      });
      return {
        questions: questionIds.length,
        pages: [
          { page: list.page, ...size(list.html), wire: wire.list },
          { page: question.page, ...size(question.html), wire: wire.question },
        ],
        cssBytes: Buffer.byteLength(css),
        cssWire,
        cssGzip: gzipSync(css, { level: 6 }).length,
        ttfb: summarise(ttfb),
        requests: ttfb.length,
      };
    } finally {
      await stopChild(server.child);
    }
  } finally {
    await relay.close();
    await database.drop();
    removeTempDir(dataDir);
  }
}

/** (g) portal: page weight and TTFB p99 against the targets. */
export async function benchPortal(s: Settings): Promise<void> {
  const p = await measurePortal(s);
  const label = `(g) portal, demo of ${num(s.portalDemoResidents)}`;
  for (const page of p.pages) {
    const transferred = page.wire + p.cssWire;
    record({
      bench: label,
      figure: `"${page.page}" page + stylesheet: transferred (uncompressed; if all were gzipped)`,
      value: `${num(transferred / 1024, 1)} kB (${num((page.htmlBytes + p.cssBytes) / 1024, 1)} kB; ${num((page.htmlGzip + p.cssGzip) / 1024, 1)} kB)`,
      target: "≤ 100 kB transferred, no fonts",
      verdict: verdict(transferred <= 100 * 1024),
    });
  }
  record({
    bench: label,
    figure: `time to first byte p50 / p99 (${num(p.requests)} requests, ${num(p.questions)} questions)`,
    value: `${ms(p.ttfb.p50)} / ${ms(p.ttfb.p99)}`,
    target: "p99 ≤ 100 ms",
    verdict: verdict(p.ttfb.p99 <= 100),
  });
}
