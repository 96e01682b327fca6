import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../app";
import { createDemoMailbox, type DemoMailbox, demoMailboxFor } from "../channels/email";
import { channelSenders } from "../channels/senders";
import { deliverPendingMessages } from "../features/delivery";
import { updateChannelSettings } from "../features/organisation";
import type { AppDeps } from "../platform/deps";
import type { App } from "../platform/http/types";
import { testBackends } from "../test-support/backends";
import { client, createTestTenant, logInAs, testDeps } from "../test-support/harness";
import { type SmtpCapture, smtpCapture } from "../test-support/smtp-capture";
import { hiddenField, portalBrowser } from "./portal.test-helpers";

const EMAIL = "demo.inwoner@postvak.test";

/** Asks for a login code on the real portal routes from a resident's (non-loopback) address. */
async function requestCode(app: App, slug: string, email: string) {
  const browser = portalBrowser(app);
  const form = await browser.get(`/mijn/${slug}/inloggen`);
  assert.equal(form.status, 200);
  const sent = await browser.post(`/mijn/${slug}/inloggen`, {
    _token: hiddenField(await form.text(), "_token"),
    email,
  });
  return { browser, sent };
}

for (const backend of testBackends()) {
  describe(`demo mailbox (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    before(async () => {
      database = await backend.open();
    });
    after(() => database.drop());

    describe("in demo mode without an SMTP relay", () => {
      const slug = `demopost-${backend.name}`;
      let deps: AppDeps;
      let mailbox: DemoMailbox;
      let app: App;
      before(async () => {
        deps = testDeps(database, { config: { ...testDeps(database).config, smtpRelayUrl: null } });
        const demoMailbox = demoMailboxFor(deps.config, true);
        assert.ok(demoMailbox, "demo mode without a relay has a demo mailbox");
        mailbox = demoMailbox;
        app = createApp(deps, { demoMailbox: mailbox });
        await createTestTenant(database, slug);
      });

      it("puts the portal's login code in the demo mailbox, shows it on /demo/postvak, and the code logs in", async () => {
        const { browser, sent } = await requestCode(app, slug, EMAIL);
        assert.equal(sent.status, 303, await sent.clone().text());

        const [mail] = mailbox.messages();
        assert.ok(mail);
        assert.equal(mail.to, EMAIL);
        assert.equal(mail.subject, `Uw code om in te loggen bij Gemeente ${slug}`);
        const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
        assert.ok(code, mail.text);
        assert.match(mail.messageId, /^<[0-9a-f]{32}@[^>]+>$/);

        const local = portalBrowser(app, "127.0.0.1");
        const page = await local.get("/demo/postvak");
        assert.equal(page.status, 200);
        assert.equal(page.headers.get("cache-control"), "no-store");
        assert.match(page.headers.get("content-security-policy") ?? "", /default-src 'none'/);
        const html = await page.text();
        assert.match(html, /<html lang="nl"/);
        assert.equal(html.match(/<h1[ >]/g)?.length, 1);
        assert.match(
          html,
          /Dit is het demopostvak: zonder e-mailserver komt uitgaande e-mail van de demo hier/,
        );
        assert.ok(html.includes(`Uw code om in te loggen bij Gemeente ${slug}`), "the subject");
        assert.ok(html.includes(code), "the six-digit code");
        assert.ok(html.includes(EMAIL), "the address it went to");
        assert.match(html, /<pre>/);
        assert.match(html, /href="\/formulieren\/stijl\.css"/, "the residents' NL Design System stylesheet");

        const english = await portalBrowser(app, "::1").get("/demo/postvak?lang=en");
        assert.equal(english.status, 200);
        const englishHtml = await english.text();
        assert.match(englishHtml, /<html lang="en"/);
        assert.match(englishHtml, /This is the demo mailbox/);
        assert.equal((await portalBrowser(app, "::ffff:127.0.0.1").get("/demo/postvak")).status, 200);

        // The code page points to the demo mailbox, marked as demo; the code from there logs the resident in.
        const codePage = await browser.get(`/mijn/${slug}/inloggen/code`);
        assert.match(
          await codePage.clone().text(),
          /<strong>Demo:<\/strong>[^<]*demopostvak[^<]*<a href="\/demo\/postvak">/,
        );
        const done = await browser.post(`/mijn/${slug}/inloggen/code`, {
          _token: hiddenField(await codePage.text(), "_token"),
          code,
        });
        assert.equal(done.status, 303, await done.clone().text());
        assert.equal(done.headers.get("location"), `/mijn/${slug}/vragen`);
      });

      it("answers 404 to anyone not on this computer, as if the page did not exist", async () => {
        for (const ip of ["10.0.0.5", "::ffff:10.0.0.5", "192.0.2.10"]) {
          const response = await portalBrowser(app, ip).get("/demo/postvak");
          assert.equal(response.status, 404, ip);
          assert.doesNotMatch(await response.text(), /demopostvak|@postvak\.test/, ip);
        }
      });

      it("takes the outbox's email replies as the delivery worker's email sender", async () => {
        const tenant = await createTestTenant(database, `${slug}-uit`);
        const system = client(app, { token: tenant.token });
        const ingest = await system.post("/api/v1/interactions", {
          channel: "email",
          externalId: `demo-mailbox-${backend.name}`,
          subject: "Grofvuil ophalen",
          text: "Wanneer halen jullie mijn bank op?",
          sender: { identifiers: [{ kind: "email", value: "bank@postvak.test" }] },
        });
        assert.equal(ingest.status, 201, await ingest.clone().text());
        const { questionId, questionReference } = (await ingest.json()) as {
          questionId: string;
          questionReference: string;
        };
        const agent = await logInAs(app, `agent@${slug}-uit.test`);
        const reply = await agent.post(`/api/v1/questions/${questionId}/replies`, {
          text: "We halen uw bank vrijdag op.",
          channel: "email",
        });
        assert.equal(reply.status, 201, await reply.clone().text());

        const senders = channelSenders(deps.config, mailbox);
        assert.equal(senders.email, mailbox);
        const result = await deliverPendingMessages(deps, senders);
        assert.ok(result.sent >= 1, JSON.stringify(result));
        const mail = mailbox.messages().find((m) => m.to === "bank@postvak.test");
        assert.ok(mail, "the reply is in the demo mailbox");
        assert.ok(mail.subject.includes(questionReference), mail.subject);
        assert.match(mail.text, /We halen uw bank vrijdag op\./);
        const html = await (await portalBrowser(app, "127.0.0.1").get("/demo/postvak")).text();
        assert.ok(html.includes("We halen uw bank vrijdag op."));
      });
    });

    describe("with an SMTP relay, or outside demo mode", () => {
      let smtp: SmtpCapture;
      before(async () => {
        smtp = await smtpCapture();
      });
      after(() => smtp.close());

      it("uses the relay and has no /demo/postvak, even when handed a demo mailbox", async () => {
        const slug = `relay-${backend.name}`;
        const deps = testDeps(database, { config: { ...testDeps(database).config, smtpRelayUrl: smtp.url } });
        assert.equal(demoMailboxFor(deps.config, true), null, "never a demo mailbox with a relay");
        const stray = createDemoMailbox();
        const app = createApp(deps, { demoMailbox: stray });
        const tenant = await createTestTenant(database, slug);
        await updateChannelSettings(
          { db: database.db },
          {
            tenantId: tenant.tenantId,
            channels: { email: { addresses: [], from: `Gemeente <contact@${slug}.test>` } },
          },
        );

        const { browser, sent } = await requestCode(app, slug, EMAIL);
        assert.equal(sent.status, 303, await sent.clone().text());
        const codePage = await (await browser.get(`/mijn/${slug}/inloggen/code`)).text();
        assert.doesNotMatch(codePage, /demo/i, "no pointer to a demo mailbox");
        assert.match(await smtp.latestCode(EMAIL), /^\d{6}$/, "the code went through the relay");
        assert.equal(stray.messages().length, 0, "nothing in a demo mailbox");
        const senders = channelSenders(deps.config, stray);
        assert.ok(senders.email && senders.email !== stray, "the relay is the email sender");
        (senders.email as unknown as { close(): void }).close();

        for (const ip of ["127.0.0.1", "::1"])
          assert.equal((await portalBrowser(app, ip).get("/demo/postvak")).status, 404, ip);
      });

      it("outside demo mode without a relay there is no email sender and no /demo/postvak", async () => {
        const deps = testDeps(database, { config: { ...testDeps(database).config, smtpRelayUrl: null } });
        const demoMailbox = demoMailboxFor(deps.config, false);
        assert.equal(demoMailbox, null, "never a demo mailbox outside demo mode");
        assert.equal(channelSenders(deps.config, demoMailbox).email, undefined);
        const app = createApp(deps, { demoMailbox });
        const response = await portalBrowser(app, "127.0.0.1").get("/demo/postvak");
        assert.equal(response.status, 404);
      });
    });
  });
}
