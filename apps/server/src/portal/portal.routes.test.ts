import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { testBackends } from "../test-support/backends";
import {
  hiddenField,
  logIn,
  type PortalWorld,
  portalBrowser,
  portalWorld,
  seedThreeChannels,
} from "./portal.test-helpers";

const MINUTE = 60_000;

for (const backend of testBackends()) {
  describe(`residents' portal (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    let seeded: Awaited<ReturnType<typeof seedThreeChannels>>;
    const base = "/mijn/portaal";
    const jan = "jan@portaal.test";

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, "portaal");
      seeded = await seedThreeChannels(world, jan);
    });
    after(async () => {
      await world.smtp.close();
      await database.drop();
    });

    /** Asks for a code for this address; returns the browser holding the login cookie and the code. */
    async function askCode(email: string, ip = "192.0.2.50") {
      const browser = portalBrowser(world.app, ip);
      const form = await browser.get(`${base}/inloggen`);
      const sent = await browser.post(`${base}/inloggen`, {
        _token: hiddenField(await form.text(), "_token"),
        email,
      });
      assert.equal(sent.status, 303, await sent.clone().text());
      return { browser, code: await world.codeFor(email) };
    }
    async function typeCode(browser: ReturnType<typeof portalBrowser>, code: string) {
      const page = await browser.get(`${base}/inloggen/code`);
      return browser.post(`${base}/inloggen/code`, {
        _token: hiddenField(await page.text(), "_token"),
        code,
      });
    }

    it("logs in with an emailed code, verifies the address and shows the questions of three channels", async () => {
      const browser = portalBrowser(world.app, "192.0.2.1");
      const form = await browser.get(`${base}/inloggen`);
      assert.equal(form.status, 200);
      const html = await form.text();
      assert.match(html, /<html lang="nl"[ >]/);
      assert.match(html, /Ga direct naar de inhoud/);
      assert.match(form.headers.get("content-security-policy") ?? "", /default-src 'none'/);
      const sent = await browser.post(`${base}/inloggen`, {
        _token: hiddenField(html, "_token"),
        email: " jan@Portaal.TEST ",
      });
      assert.equal(sent.status, 303);
      assert.equal(sent.headers.get("location"), `${base}/inloggen/code`);
      const code = await world.codeFor(jan);
      // Never stored in clear: not in the code table, not in the outbox.
      const stored = await database.query<{ code_hash: string }>("SELECT code_hash FROM portal_login_codes");
      assert.ok(stored.every((row) => row.code_hash !== code && !row.code_hash.includes(code)));
      const outbox = await database.query<{ payload: unknown }>("SELECT payload FROM outbox");
      assert.ok(outbox.every((row) => !JSON.stringify(row.payload).includes(code)));

      const done = await typeCode(browser, code);
      assert.equal(done.status, 303);
      const cookie = done.headers.getSetCookie().find((c) => c.startsWith("omniloket_portal="));
      assert.ok(cookie);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.match(cookie, /Path=\/mijn\/portaal/);
      const [identifier] = await database.query<{ verification: string; verified_at: Date | null }>(
        "SELECT verification, verified_at FROM party_identifiers WHERE kind = 'email' AND value = $1",
        [jan],
      );
      assert.equal(identifier?.verification, "code");
      assert.ok(identifier?.verified_at);

      const list = await browser.get(`${base}/vragen`);
      assert.equal(list.status, 200);
      const page = await list.text();
      for (const q of [seeded.byEmail, seeded.bySms, seeded.byPhone]) {
        assert.ok(page.includes(q.questionReference), `${q.questionReference} listed`);
        assert.ok(page.includes(`${base}/vragen/${q.questionId}`));
      }
      assert.match(page, /e-mail/);
      assert.match(page, /sms/);
      assert.match(page, /telefoon/);
      assert.match(page, /Grofvuil ophalen/);

      const detail = await browser.get(`${base}/vragen/${seeded.byEmail.questionId}`);
      assert.equal(detail.status, 200);
      const text = await detail.text();
      assert.match(text, /Wanneer halen jullie mijn bank op\?/);
      assert.match(text, /We halen uw bank op vrijdag op\./);
      assert.match(text, /De gemeente, via e-mail/);
      assert.match(text, /We bellen u uiterlijk \w+dag \d+ \w+\./);
      assert.ok(!text.includes("Anna Agent"), "employees are not named");

      const phone = await (await browser.get(`${base}/vragen/${seeded.byPhone.questionId}`)).text();
      assert.match(phone, /U heeft met de gemeente gebeld\./);
      assert.ok(!phone.includes("Interne notitie"), "a call's notes are the employee's, not shown");

      const audit = await database.query<{ action: string; purpose: string; actor_type: string }>(
        "SELECT action, purpose, actor_type FROM audit_events WHERE action LIKE 'portal.%'",
      );
      assert.ok(audit.some((a) => a.action === "portal.questions.list"));
      assert.ok(audit.some((a) => a.action === "portal.question.read"));
      assert.ok(audit.every((a) => a.purpose === "resident-self-service" && a.actor_type === "resident"));
    });

    it("logs out only with the session's CSRF token", async () => {
      const browser = await logIn(world, jan, "192.0.2.2");
      const page = await (await browser.get(`${base}/vragen`)).text();
      const refused = await browser.post(`${base}/uitloggen`, { _csrf: "nope" });
      assert.equal(refused.status, 403);
      assert.equal((await browser.get(`${base}/vragen`)).status, 200);
      const out = await browser.post(`${base}/uitloggen`, { _csrf: hiddenField(page, "_csrf") });
      assert.equal(out.status, 303);
      assert.equal(out.headers.get("location"), `${base}/inloggen?uitgelogd=1`);
      const after = await browser.get(`${base}/vragen`);
      assert.equal(after.status, 303);
      assert.equal(after.headers.get("location"), `${base}/inloggen`);
    });

    it("a code is single use", async () => {
      const { browser, code } = await askCode("single@portaal.test");
      const codeId = browser.jar.get("omniloket_portal_login") ?? "";
      assert.equal((await typeCode(browser, code)).status, 303);
      browser.jar.set("omniloket_portal_login", codeId);
      browser.jar.delete("omniloket_portal");
      const again = await typeCode(browser, code);
      assert.equal(again.status, 400);
      assert.match(await again.text(), /Vraag eerst een code aan/);
    });

    it("a code expires after ten minutes", async () => {
      const { browser, code } = await askCode("late@portaal.test");
      world.advance(10 * MINUTE + 1000);
      const late = await typeCode(browser, code);
      assert.equal(late.status, 400);
      assert.match(await late.text(), /niet meer geldig/);
      assert.ok(!browser.jar.has("omniloket_portal"));
    });

    it("allows five attempts per code, then the code is spent", async () => {
      const { browser, code } = await askCode("guess@portaal.test");
      const wrong = code === "000000" ? "111111" : "000000";
      for (let attempt = 1; attempt <= 4; attempt++) {
        const response = await typeCode(browser, wrong);
        assert.equal(response.status, 400);
        assert.match(await response.text(), new RegExp(`nog ${5 - attempt} keer`));
      }
      assert.match(await (await typeCode(browser, wrong)).text(), /te vaak een verkeerde code/);
      const right = await typeCode(browser, code);
      assert.equal(right.status, 400);
      assert.match(await right.text(), /te vaak een verkeerde code/);
    });

    it("throttles code requests per address and per client", async () => {
      for (let i = 0; i < 5; i++) await askCode("many@portaal.test", `198.51.100.${i}`);
      const browser = portalBrowser(world.app, "198.51.100.99");
      const form = await browser.get(`${base}/inloggen`);
      const sixth = await browser.post(`${base}/inloggen`, {
        _token: hiddenField(await form.text(), "_token"),
        email: "many@portaal.test",
      });
      assert.equal(sixth.status, 429);
      assert.match(await sixth.text(), /Wacht een uur/);

      const limited = await portalWorld(database, "portaal-limiet", {
        rateLimit: { capacity: 2, refillPerSecond: 0 },
      });
      try {
        const client = portalBrowser(limited.app, "203.0.113.7");
        const page = await (await client.get("/mijn/portaal-limiet/inloggen")).text();
        const token = hiddenField(page, "_token");
        const statuses: number[] = [];
        for (const email of ["a@x.test", "b@x.test", "c@x.test"])
          statuses.push(
            (await client.post("/mijn/portaal-limiet/inloggen", { _token: token, email })).status,
          );
        assert.deepEqual(statuses, [303, 303, 429]);
      } finally {
        await limited.smtp.close();
      }
    });

    it("refuses a login post without its form token or from another site", async () => {
      const browser = portalBrowser(world.app, "192.0.2.60");
      assert.equal((await browser.post(`${base}/inloggen`, { email: jan })).status, 403);
      const form = await browser.get(`${base}/inloggen`);
      const token = hiddenField(await form.text(), "_token");
      const cross = await browser.post(
        `${base}/inloggen`,
        { _token: token, email: jan },
        { origin: "https://evil.test" },
      );
      assert.equal(cross.status, 403);
      const invalid = await browser.post(`${base}/inloggen`, { _token: token, email: "geen-adres" });
      assert.equal(invalid.status, 400);
      const body = await invalid.text();
      assert.match(body, /class="error-summary"/);
      assert.match(body, /<title>Fout: /);
    });

    it("another resident's question is a 404, and so is an unknown one", async () => {
      const piet = await world.ingest({
        text: "Vraag van Piet",
        sender: { identifiers: [{ kind: "email", value: "piet@portaal.test" }] },
      });
      const browser = await logIn(world, jan, "192.0.2.3");
      const other = await browser.get(`${base}/vragen/${piet.questionId}`);
      assert.equal(other.status, 404);
      assert.ok(!(await other.text()).includes("Vraag van Piet"));
      assert.equal((await browser.get(`${base}/vragen/00000000-0000-4000-8000-000000000000`)).status, 404);
      assert.equal((await browser.get(`${base}/vragen/niet-een-id`)).status, 404);
      const list = await (await browser.get(`${base}/vragen`)).text();
      assert.ok(!list.includes(piet.questionReference));
      // Anonymous: to the login page, the same for every id.
      const anonymous = await portalBrowser(world.app).get(`${base}/vragen/${seeded.byEmail.questionId}`);
      assert.equal(anonymous.status, 303);
      // A session of one municipality is nothing in another.
      const elsewhere = await portalWorld(database, "portaal-ander");
      try {
        const cookie = browser.jar.get("omniloket_portal") ?? "";
        const response = await elsewhere.app.request("/mijn/portaal-ander/vragen", {
          headers: { cookie: `omniloket_portal=${cookie}` },
        });
        assert.equal(response.status, 303);
      } finally {
        await elsewhere.smtp.close();
      }
    });

    it("a representative sees the represented resident's questions and nobody else's", async () => {
      const mother = await world.ingest({
        text: "Vraag over de pas van mijn moeder",
        topicId: "reisdocumenten",
        sender: { identifiers: [{ kind: "email", value: "moeder@portaal.test" }] },
      });
      const secret = await world.ingest({
        text: "Vertrouwelijke vraag",
        topicId: "schulden",
        sender: { identifiers: [{ kind: "email", value: "moeder@portaal.test" }] },
      });
      const stranger = await world.ingest({
        text: "Vraag van een vreemde",
        topicId: "afval",
        sender: { identifiers: [{ kind: "email", value: "vreemde@portaal.test" }] },
      });
      await database.query("UPDATE questions SET confidential = true WHERE id = $1", [secret.questionId]);
      const [ids] = await database.query<{ carer: string; mother: string }>(
        `SELECT (SELECT party_id::text FROM party_identifiers WHERE value = $1) AS carer,
                (SELECT party_id::text FROM party_identifiers WHERE value = $2) AS mother`,
        [jan, "moeder@portaal.test"],
      );
      await database.query("UPDATE parties SET display_name = 'Marie Jansen' WHERE id = $1", [ids?.mother]);
      await database.query(
        "INSERT INTO representations (tenant_id, representative_party_id, represented_party_id, kind, valid_from) VALUES ($1, $2, $3, 'informal-carer', '2026-01-01T00:00:00Z')",
        [world.tenant.tenantId, ids?.carer, ids?.mother],
      );
      const browser = await logIn(world, jan, "192.0.2.4");
      const list = await (await browser.get(`${base}/vragen`)).text();
      assert.match(list, /Vragen van Marie Jansen/);
      assert.ok(list.includes(mother.questionReference));
      assert.ok(
        !list.includes(secret.questionReference),
        "not the represented resident's confidential question",
      );
      assert.ok(!list.includes(stranger.questionReference));
      const opened = await browser.get(`${base}/vragen/${mother.questionId}`);
      assert.equal(opened.status, 200);
      assert.match(await opened.text(), /Deze vraag is van Marie Jansen/);
      assert.equal((await browser.get(`${base}/vragen/${secret.questionId}`)).status, 404);
      assert.equal((await browser.get(`${base}/vragen/${stranger.questionId}`)).status, 404);
      // The represented resident does not see the representative's questions.
      const motherBrowser = await logIn(world, "moeder@portaal.test", "192.0.2.5");
      const theirs = await (await motherBrowser.get(`${base}/vragen`)).text();
      assert.ok(theirs.includes(secret.questionReference), "their own confidential question they do see");
      assert.ok(!theirs.includes(seeded.byEmail.questionReference));
      assert.equal((await motherBrowser.get(`${base}/vragen/${seeded.byEmail.questionId}`)).status, 404);
    });

    it("puts no personal data in URLs", async () => {
      const browser = portalBrowser(world.app, "192.0.2.70");
      const form = await browser.get(`${base}/inloggen`);
      const sent = await browser.post(`${base}/inloggen`, {
        _token: hiddenField(await form.text(), "_token"),
        email: jan,
      });
      const locations = [sent.headers.get("location") ?? ""];
      const code = await world.codeFor(jan);
      const page = await (await browser.get(`${base}/inloggen/code`)).text();
      const done = await browser.post(`${base}/inloggen/code`, { _token: hiddenField(page, "_token"), code });
      locations.push(done.headers.get("location") ?? "");
      const list = await (await browser.get(`${base}/vragen`)).text();
      const hrefs = [...list.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1] ?? "");
      for (const url of [...locations, ...hrefs]) {
        assert.ok(
          !url.includes("@") && !/jan/i.test(url) && !url.includes(code),
          `${url} holds no personal data`,
        );
      }
      assert.ok(!browser.jar.get("omniloket_portal_login")?.includes("@"));
    });

    it("speaks English with ?lang=en or Accept-Language, and serves the accessibility statement", async () => {
      const browser = portalBrowser(world.app, "192.0.2.80");
      const en = await (await browser.get(`${base}/inloggen?lang=en`)).text();
      assert.match(en, /<html lang="en"[ >]/);
      assert.match(en, /Send me a code/);
      assert.match(en, /action="\/mijn\/portaal\/inloggen\?lang=en"/);
      const accepted = await (
        await browser.get(`${base}/inloggen`, { "accept-language": "en-GB,en;q=0.9" })
      ).text();
      assert.match(accepted, /<html lang="en"[ >]/);
      const statement = await browser.get("/toegankelijkheid");
      assert.equal(statement.status, 200);
      assert.match(await statement.text(), /<h1>Toegankelijkheid<\/h1>/);
      assert.equal((await browser.get("/mijn/bestaat-niet/inloggen")).status, 404);
    });
  });
}
