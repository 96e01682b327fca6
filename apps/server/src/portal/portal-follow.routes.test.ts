import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { followCode, showFollowCode } from "../features/portal";
import { testBackends } from "../test-support/backends";
import { hiddenField, logIn, type PortalWorld, portalBrowser, portalWorld } from "./portal.test-helpers";

type Browser = ReturnType<typeof portalBrowser>;

for (const backend of testBackends()) {
  describe(`following a question by reference and follow code (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    const slug = "volgen";
    const base = `/mijn/${slug}`;

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, slug);
    });
    after(async () => {
      await world.smtp.close();
      await database.drop();
    });

    /** Sends a web form as a resident's browser; returns the reference and the follow code of its receipt. */
    async function sendForm(browser: Browser, formId: string, fields: Record<string, string>) {
      const path = `/formulieren/${slug}/${formId}`;
      const form = await browser.get(path);
      assert.equal(form.status, 200);
      const sent = await browser.post(path, { _token: hiddenField(await form.text(), "_token"), ...fields });
      assert.equal(sent.status, 303, await sent.clone().text());
      const location = sent.headers.get("location") ?? "";
      const reference = /\?ref=([A-Z0-9-]+)$/.exec(location)?.[1];
      assert.ok(reference, location);
      const receipt = await browser.get(location);
      assert.equal(receipt.status, 200);
      const html = await receipt.text();
      const code = /<p class="reference">([0-9A-Z]{4}-[0-9A-Z]{4})<\/p>/.exec(html)?.[1];
      assert.ok(code, "the receipt page shows the follow code");
      const [question] = await database.query<{ id: string }>(
        "SELECT id::text FROM questions WHERE reference = $1",
        [reference],
      );
      return { reference, code, questionId: question?.id ?? "", location, receipt: html };
    }

    async function follow(browser: Browser, reference: string, code: string) {
      const page = await browser.get(`${base}/volgen`);
      assert.equal(page.status, 200);
      return browser.post(`${base}/volgen`, {
        _token: hiddenField(await page.text(), "_token"),
        vraagnummer: reference,
        volgcode: code,
      });
    }

    const anonymousReport = {
      soort: "straatverlichting",
      locatie: "Dorpsstraat 1",
      omschrijving: "De lamp voor nummer 1 is kapot.",
    };

    it("the receipt page and email give the reference and follow code, never in a URL or the timeline", async () => {
      const browser = portalBrowser(world.app, "192.0.2.1");
      const sent = await sendForm(browser, "algemene-vraag", {
        vraag: "Wanneer wordt de stoep gerepareerd?",
        achternaam: "Jansen",
        "e-mailadres": "jansen@volgen.test",
      });
      assert.equal(
        sent.code,
        showFollowCode(followCode(world.deps.config.formSecret, world.tenant.tenantId, sent.questionId)),
      );
      assert.ok(!sent.location.includes(sent.code) && !sent.location.includes(sent.code.replace("-", "")));
      assert.match(sent.receipt, new RegExp(`href="${base}/volgen"`));
      // Another browser opening the same receipt URL sees the reference only.
      const stranger = await (await portalBrowser(world.app, "192.0.2.2").get(sent.location)).text();
      assert.ok(stranger.includes(sent.reference));
      assert.ok(!stranger.includes(sent.code));
      // The email carries the code; the timeline keeps it masked.
      const [row] = await database.query<{ sent_text: string; text: string }>(
        `SELECT o.payload->>'sentText' AS sent_text, i.text FROM outbox o
           JOIN interactions i ON i.id = (o.payload->>'interactionId')::uuid
          WHERE i.question_id = $1 AND i.direction = 'outbound'`,
        [sent.questionId],
      );
      assert.match(row?.sent_text ?? "", new RegExp(`Uw volgcode is ${sent.code}\\.`));
      assert.ok(!(row?.text ?? "").includes(sent.code));
      assert.match(row?.text ?? "", /Uw volgcode is \*\*\*\*-\*\*\*\*\./);
    });

    it("shows status, the municipality's messages and the reply channels, and audits the read", async () => {
      const browser = portalBrowser(world.app, "192.0.2.3");
      const sent = await sendForm(browser, "algemene-vraag", {
        vraag: "Mag ik een container huren?",
        achternaam: "Pietersen",
        "e-mailadres": "pietersen@volgen.test",
      });
      const reply = await world.agent.post(`/api/v1/questions/${sent.questionId}/replies`, {
        text: "Ja, dat kan via de website.",
        channel: "email",
      });
      assert.equal(reply.status, 201, await reply.clone().text());
      const visitor = portalBrowser(world.app, "192.0.2.4");
      const shown = await follow(
        visitor,
        ` ${sent.reference.toLowerCase()} `,
        sent.code.toLowerCase().replace("-", " "),
      );
      assert.equal(shown.status, 200, await shown.clone().text());
      assert.equal(shown.headers.get("cache-control"), "no-store");
      const html = await shown.text();
      assert.match(html, new RegExp(`<h1>Vraag ${sent.reference}</h1>`));
      assert.match(html, /Ja, dat kan via de website\./);
      assert.match(html, /Noem uw vraagnummer als u belt, mailt/);
      assert.match(html, /E-mail: contact@volgen\.test/);
      assert.ok(!html.includes("Mag ik een container huren"), "only the municipality's messages");
      const audit = await database.query<{ purpose: string; object_ids: string[] }>(
        "SELECT purpose, object_ids FROM audit_events WHERE action = 'portal.follow.read'",
      );
      assert.ok(
        audit.some((a) => a.purpose === "resident-self-service" && a.object_ids.includes(sent.questionId)),
      );
    });

    it("a message written with the follow code lands in the same anonymous question, once", async () => {
      const browser = portalBrowser(world.app, "192.0.2.5");
      const sent = await sendForm(browser, "melding-openbare-ruimte", anonymousReport);
      const page = await (await follow(browser, sent.reference, sent.code)).text();
      const form = {
        _token: hiddenField(page, "_token"),
        vraagnummer: hiddenField(page, "vraagnummer"),
        volgcode: hiddenField(page, "volgcode"),
      };
      const empty = await browser.post(`${base}/volgen/bericht`, { ...form, bericht: " " });
      assert.equal(empty.status, 400);
      assert.match(await empty.text(), /<a href="#bericht">Schrijf eerst uw bericht\.<\/a>/);
      const written = await browser.post(`${base}/volgen/bericht`, {
        ...form,
        bericht: "Hij is nu helemaal uit.",
      });
      assert.equal(written.status, 200, await written.clone().text());
      assert.match(await written.text(), /role="status">Uw bericht is verstuurd/);
      // The same post again (a reload) lands once.
      await browser.post(`${base}/volgen/bericht`, { ...form, bericht: "Hij is nu helemaal uit." });
      const rows = await database.query<{ channel: string; direction: string; question_id: string }>(
        "SELECT channel, direction, question_id::text FROM interactions WHERE text = 'Hij is nu helemaal uit.'",
      );
      assert.deepEqual(rows, [{ channel: "webform", direction: "inbound", question_id: sent.questionId }]);
      const [question] = await database.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM interactions WHERE question_id = $1 AND direction = 'inbound'",
        [sent.questionId],
      );
      assert.equal(question?.n, "2");
    });

    it("a logged-in resident finds the follow code on their own question page, and it works", async () => {
      const question = await world.ingest({
        text: "Hoe vraag ik een parkeervergunning aan?",
        sender: { identifiers: [{ kind: "email", value: "eigen@volgen.test" }] },
      });
      const browser = await logIn(world, "eigen@volgen.test", "192.0.2.7");
      const page = await (await browser.get(`${base}/vragen/${question.questionId}`)).text();
      const code = showFollowCode(
        followCode(world.deps.config.formSecret, world.tenant.tenantId, question.questionId),
      );
      assert.ok(page.includes(`<p class="reference">${code}</p>`));
      const shown = await follow(portalBrowser(world.app, "192.0.2.8"), question.questionReference, code);
      assert.equal(shown.status, 200);
    });

    it("a wrong pair answers as a missing one, writes nothing, and posts are rate-limited", async () => {
      const browser = portalBrowser(world.app, "192.0.2.6");
      const one = await sendForm(browser, "melding-openbare-ruimte", anonymousReport);
      const two = await sendForm(browser, "melding-openbare-ruimte", anonymousReport);
      const wrongCode = await follow(browser, one.reference, two.code);
      assert.equal(wrongCode.status, 404);
      const wrongHtml = await wrongCode.text();
      assert.match(wrongHtml, /We vinden geen vraag met dit nummer en deze volgcode/);
      assert.match(wrongHtml, /<title>Fout: /);
      const unknown = await follow(browser, "VB7-K3P", one.code);
      assert.equal(unknown.status, 404);
      assert.match(await unknown.text(), /We vinden geen vraag met dit nummer en deze volgcode/);
      assert.equal((await follow(browser, "onzin", "")).status, 404);

      const before = await database.query<{ n: string }>("SELECT count(*)::text AS n FROM interactions");
      const page = await (await browser.get(`${base}/volgen`)).text();
      const refused = await browser.post(`${base}/volgen/bericht`, {
        _token: hiddenField(page, "_token"),
        vraagnummer: one.reference,
        volgcode: two.code,
        bericht: "Dit mag niet aankomen.",
      });
      assert.equal(refused.status, 404);
      assert.deepEqual(await database.query("SELECT count(*)::text AS n FROM interactions"), before);
      // Without the form token, or from another site: nothing.
      assert.equal(
        (await browser.post(`${base}/volgen`, { vraagnummer: one.reference, volgcode: one.code })).status,
        403,
      );
      const cross = await browser.post(
        `${base}/volgen`,
        { _token: hiddenField(page, "_token"), vraagnummer: one.reference, volgcode: one.code },
        { origin: "https://evil.test" },
      );
      assert.equal(cross.status, 403);

      const limited = await portalWorld(database, "volgen-limiet", {
        rateLimit: { capacity: 2, refillPerSecond: 0 },
      });
      try {
        const client = portalBrowser(limited.app, "203.0.113.9");
        const form = await (await client.get("/mijn/volgen-limiet/volgen")).text();
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++)
          statuses.push(
            (
              await client.post("/mijn/volgen-limiet/volgen", {
                _token: hiddenField(form, "_token"),
                vraagnummer: one.reference,
                volgcode: "AAAA-AAAA",
              })
            ).status,
          );
        assert.deepEqual(statuses, [404, 404, 429]);
      } finally {
        await limited.smtp.close();
      }
    });
  });
}
