import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { configureChannels, TEST_SMS } from "../channels/fake-provider/channel-test-tenant";
import { type FakeProvider, startFakeProvider } from "../channels/fake-provider/fake-provider";
import { testBackends } from "../test-support/backends";
import { hiddenField, type PortalWorld, portalBrowser, portalWorld } from "./portal.test-helpers";

const MINUTE = 60_000;

for (const backend of testBackends()) {
  describe(`portal login by SMS code (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    let provider: FakeProvider;
    const slug = "sms-login";
    const base = `/mijn/${slug}`;
    const mobile = "+31612345678";

    before(async () => {
      database = await backend.open();
      provider = await startFakeProvider();
      world = await portalWorld(database, slug);
      await configureChannels(database, world.tenant.tenantId, {
        email: { addresses: [`contact@${slug}.test`], from: `Gemeente ${slug} <contact@${slug}.test>` },
        sms: { ...TEST_SMS, baseUrl: provider.baseUrl },
      });
    });
    after(async () => {
      await world.smtp.close();
      await provider.close();
      await database.drop();
    });

    /** The six-digit code in the newest SMS the fake provider received for this number. */
    function smsCodeFor(to: string): string {
      const sms = provider.requests
        .map((r) => new URLSearchParams(r.body))
        .filter((form) => form.get("To") === to)
        .at(-1);
      const code = /\b(\d{6})\b/.exec(sms?.get("Body") ?? "")?.[1];
      assert.ok(code, `an SMS with a code reached ${to}`);
      return code;
    }

    async function askCode(number: string, ip = "192.0.2.50") {
      const browser = portalBrowser(world.app, ip);
      const form = await browser.get(`${base}/inloggen`);
      const sent = await browser.post(`${base}/inloggen`, {
        _token: hiddenField(await form.text(), "_token"),
        email: number,
      });
      return { browser, sent };
    }
    async function typeCode(browser: ReturnType<typeof portalBrowser>, code: string) {
      const page = await browser.get(`${base}/inloggen/code?via=sms`);
      return browser.post(`${base}/inloggen/code?via=sms`, {
        _token: hiddenField(await page.text(), "_token"),
        code,
      });
    }

    it("sends the code by SMS to a mobile number, logs in and finds the resident who has that number", async () => {
      const known = await world.ingest({
        channel: "sms",
        text: "Klopt mijn aanslag wel?",
        topicId: "belastingen",
        sender: { identifiers: [{ kind: "phone", value: mobile }] },
      });
      const form = await (await portalBrowser(world.app).get(`${base}/inloggen`)).text();
      assert.match(form, /Uw e-mailadres of mobiele nummer/);
      const { browser, sent } = await askCode("06 12 34 56 78");
      assert.equal(sent.status, 303, await sent.clone().text());
      assert.equal(sent.headers.get("location"), `${base}/inloggen/code?via=sms`);
      const request = provider.requests.at(-1);
      assert.equal(request?.path, `/2010-04-01/Accounts/${TEST_SMS.accountSid}/Messages.json`);
      assert.equal(new URLSearchParams(request?.body).get("From"), TEST_SMS.from);
      const code = smsCodeFor(mobile);
      // Never stored in clear, and not sent through the outbox.
      const outbox = await database.query<{ payload: unknown }>("SELECT payload FROM outbox");
      assert.ok(outbox.every((row) => !JSON.stringify(row.payload).includes(code)));

      const codePage = await (await browser.get(`${base}/inloggen/code?via=sms`)).text();
      assert.match(codePage, /sms met een code van 6 cijfers/);
      const done = await typeCode(browser, code);
      assert.equal(done.status, 303, await done.clone().text());
      assert.equal(done.headers.get("location"), `${base}/vragen`);
      const list = await (await browser.get(`${base}/vragen`)).text();
      assert.ok(list.includes(known.questionReference), "the question asked by SMS is theirs");
      const [identifier] = await database.query<{ verification: string; verified_at: Date | null }>(
        "SELECT verification, verified_at FROM party_identifiers WHERE kind = 'phone' AND value = $1",
        [mobile],
      );
      assert.equal(identifier?.verification, "code");
      assert.ok(identifier?.verified_at);

      // Writing in the portal works for a resident known by a mobile number only.
      const detail = await (await browser.get(`${base}/vragen/${known.questionId}`)).text();
      const written = await browser.post(`${base}/vragen/${known.questionId}/bericht`, {
        _csrf: hiddenField(detail, "_csrf"),
        bericht: "Ik heb nog een vraag over de aanslag.",
      });
      assert.equal(written.status, 303, await written.clone().text());
      const [portalContact] = await database.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM interactions WHERE question_id = $1 AND channel = 'portal'",
        [known.questionId],
      );
      assert.equal(portalContact?.n, "1");

      // Another resident's question is still a 404.
      const other = await world.ingest({
        text: "Vraag van iemand anders",
        sender: { identifiers: [{ kind: "email", value: "ander@sms-login.test" }] },
      });
      assert.equal((await browser.get(`${base}/vragen/${other.questionId}`)).status, 404);
    });

    it("an unknown mobile number becomes a new resident with no questions", async () => {
      const number = "+31687654321";
      const { browser } = await askCode("+31 6 8765 4321", "192.0.2.51");
      assert.equal((await typeCode(browser, smsCodeFor(number))).status, 303);
      assert.match(await (await browser.get(`${base}/vragen`)).text(), /U heeft nog geen vragen bij ons/);
      const rows = await database.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM party_identifiers WHERE kind = 'phone' AND value = $1 AND verification = 'code'",
        [number],
      );
      assert.equal(rows[0]?.n, "1");
    });

    it("a wrong SMS code counts, five wrong spend it; a code expires and is single use", async () => {
      const guess = await askCode("0611111111", "192.0.2.52");
      const code = smsCodeFor("+31611111111");
      const wrong = code === "000000" ? "111111" : "000000";
      const first = await typeCode(guess.browser, wrong);
      assert.equal(first.status, 400);
      assert.match(await first.text(), /nog 4 keer/);
      for (let i = 0; i < 4; i++) await typeCode(guess.browser, wrong);
      const spent = await typeCode(guess.browser, code);
      assert.equal(spent.status, 400);
      assert.match(await spent.text(), /te vaak een verkeerde code/);

      const late = await askCode("0622222222", "192.0.2.53");
      const lateCode = smsCodeFor("+31622222222");
      world.advance(10 * MINUTE + 1000);
      const expired = await typeCode(late.browser, lateCode);
      assert.equal(expired.status, 400);
      assert.match(await expired.text(), /niet meer geldig/);

      const once = await askCode("0633333333", "192.0.2.54");
      const onceCode = smsCodeFor("+31633333333");
      const codeId = once.browser.jar.get("omniloket_portal_login") ?? "";
      assert.equal((await typeCode(once.browser, onceCode)).status, 303);
      once.browser.jar.set("omniloket_portal_login", codeId);
      once.browser.jar.delete("omniloket_portal");
      const again = await typeCode(once.browser, onceCode);
      assert.equal(again.status, 400);
      assert.match(await again.text(), /Vraag eerst een code aan/);
    });

    it("throttles codes per number, as for email addresses", async () => {
      for (let i = 0; i < 5; i++)
        assert.equal((await askCode("0644444444", `198.51.100.${i + 10}`)).sent.status, 303);
      const sixth = await askCode("06-44444444", "198.51.100.99");
      assert.equal(sixth.sent.status, 429);
      assert.match(await sixth.sent.text(), /Wacht een uur/);
    });

    it("refuses a landline and a number where the municipality has no SMS provider", async () => {
      const landline = await askCode("030 123 4567", "192.0.2.55");
      assert.equal(landline.sent.status, 400);
      assert.match(await landline.sent.text(), /mobiel nummer in \(het begint met 06\)/);
      const nonsense = await askCode("geen-adres", "192.0.2.56");
      assert.equal(nonsense.sent.status, 400);
      assert.match(await nonsense.sent.text(), /geldig e-mailadres of mobiel nummer/);

      const withoutSms = await portalWorld(database, "sms-zonder");
      try {
        const browser = portalBrowser(withoutSms.app, "192.0.2.57");
        const form = await browser.get("/mijn/sms-zonder/inloggen");
        const refused = await browser.post("/mijn/sms-zonder/inloggen", {
          _token: hiddenField(await form.text(), "_token"),
          email: "0612345678",
        });
        assert.equal(refused.status, 400);
        assert.match(await refused.text(), /per sms kan bij deze gemeente nog niet/);
      } finally {
        await withoutSms.smtp.close();
      }
    });
  });
}
