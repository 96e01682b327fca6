import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { callbackSlots } from "../features/portal";
import { testBackends } from "../test-support/backends";
import { hiddenField, logIn, type PortalWorld, portalWorld, seedThreeChannels } from "./portal.test-helpers";

type Browser = Awaited<ReturnType<typeof logIn>>;

for (const backend of testBackends()) {
  describe(`residents' portal: continue a question, preferences (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    let seeded: Awaited<ReturnType<typeof seedThreeChannels>>;
    let jan: Browser;
    let csrf: string;
    const base = "/mijn/verder";
    const email = "jan@verder.test";

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, "verder");
      seeded = await seedThreeChannels(world, email);
      // A WhatsApp message from the same resident: now we hold his WhatsApp number too.
      await world.ingest({
        channel: "whatsapp",
        text: "Hallo",
        topicId: "reisdocumenten",
        sender: {
          identifiers: [
            { kind: "email", value: email },
            { kind: "whatsapp", value: "+31612345678" },
          ],
        },
      });
      jan = await logIn(world, email, "192.0.2.60");
      csrf = hiddenField(await (await jan.get(`${base}/vragen`)).text(), "_csrf");
    });
    after(async () => {
      await world.smtp.close();
      await database.drop();
    });

    const page = async (questionId: string, query = "") => {
      const response = await jan.get(`${base}/vragen/${questionId}${query}`);
      assert.equal(response.status, 200);
      return response.text();
    };
    const suggestion = async (questionId: string) => {
      const response = await world.agent.get(`/api/v1/questions/${questionId}/reply-channel`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as { channel: string | null; reason: string };
    };
    const audits = (action: string) =>
      database.query<{ actor_type: string; actor_id: string; purpose: string }>(
        "SELECT actor_type, actor_id, purpose FROM audit_events WHERE action = $1",
        [action],
      );
    const janParty = async () =>
      (
        await database.query<{ party_id: string }>(
          "SELECT party_id FROM party_identifiers WHERE kind = 'email' AND value = $1",
          [email],
        )
      )[0]?.party_id;

    it("a message written in the portal lands in the same question as an inbound portal contact", async () => {
      const id = seeded.byEmail.questionId;
      const html = await page(id);
      assert.match(html, /<label for="bericht">Uw bericht<\/label>/);
      assert.match(html, /We antwoorden u via e-mail\./);

      const empty = await jan.post(`${base}/vragen/${id}/bericht`, { _csrf: csrf, bericht: "  " });
      assert.equal(empty.status, 400);
      const emptyHtml = await empty.text();
      assert.match(emptyHtml, /class="error-summary"/);
      assert.match(emptyHtml, /<a href="#bericht">Schrijf eerst uw bericht\.<\/a>/);
      assert.match(emptyHtml, /<title>Fout: /);
      const long = await jan.post(`${base}/vragen/${id}/bericht`, { _csrf: csrf, bericht: "x".repeat(5001) });
      assert.equal(long.status, 400);
      assert.match(await long.text(), /Uw bericht is te lang/);
      const noToken = await jan.post(`${base}/vragen/${id}/bericht`, { bericht: "Zonder token" });
      assert.equal(noToken.status, 403);
      const crossSite = await jan.post(
        `${base}/vragen/${id}/bericht`,
        { _csrf: csrf, bericht: "Van elders" },
        { "sec-fetch-site": "cross-site" },
      );
      assert.equal(crossSite.status, 403);

      const sent = await jan.post(`${base}/vragen/${id}/bericht`, {
        _csrf: csrf,
        bericht: "De bank staat <b>buiten</b>.\r\nGroet, Jan",
      });
      assert.equal(sent.status, 303, await sent.clone().text());
      assert.equal(sent.headers.get("location"), `${base}/vragen/${id}?gedaan=bericht`);
      const after = await page(id, "?gedaan=bericht");
      assert.match(after, /role="status">Uw bericht is verstuurd/);
      assert.match(after, /De bank staat &lt;b&gt;buiten&lt;\/b&gt;\./);
      assert.match(after, /via Mijn gemeente/);

      const rows = await database.query<{
        channel: string;
        direction: string;
        text: string;
        party_id: string;
      }>(
        `SELECT i.channel, i.direction, i.text, ip.party_id FROM interactions i
           JOIN interaction_parties ip ON ip.interaction_id = i.id
          WHERE i.question_id = $1 AND i.channel = 'portal'`,
        [id],
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.direction, "inbound");
      assert.equal(rows[0]?.text, "De bank staat <b>buiten</b>.\nGroet, Jan");
      assert.equal(rows[0]?.party_id, await janParty());
      // The ordinary ingest: the live workspace hears of it through the outbox.
      const outbox = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbox WHERE type = 'interaction.received' AND payload->>'questionId' = $1",
        [id],
      );
      assert.ok((outbox[0]?.n ?? 0) >= 1);
      const [audit] = await audits("portal.question.message");
      assert.equal(audit?.actor_type, "resident");
      assert.equal(audit?.actor_id, await janParty());
      assert.equal(audit?.purpose, "resident-self-service");
    });

    it("asks for a call back in a chosen slot: a callback task due then, shown as a promise at once", async () => {
      const id = seeded.bySms.questionId;
      const html = await page(id);
      assert.match(html, /id="telefoon"[^>]*value="\+31612345678"/);
      const slots = callbackSlots(world.deps.clock());
      assert.equal(slots.length, 12);
      for (const slot of slots) {
        const hour = new Intl.DateTimeFormat("nl-NL", { hour: "numeric", timeZone: "Europe/Amsterdam" })
          .format(slot)
          .replace(/\D/g, "");
        assert.ok(["9", "09", "11", "13", "15"].includes(hour), hour);
        assert.ok(![0, 6].includes(new Date(slot.getTime()).getUTCDay()));
      }
      const [slot] = slots;
      assert.ok(slot);
      assert.match(html, new RegExp(`<option value="${slot.toISOString()}">`));

      const badPhone = await jan.post(`${base}/vragen/${id}/terugbellen`, {
        _csrf: csrf,
        telefoon: "bel me",
        tijd: slot.toISOString(),
      });
      assert.equal(badPhone.status, 400);
      assert.match(await badPhone.text(), /<a href="#telefoon">Vul een geldig telefoonnummer in/);
      const badSlot = await jan.post(`${base}/vragen/${id}/terugbellen`, {
        _csrf: csrf,
        telefoon: "06 12345678",
        tijd: new Date(slot.getTime() + 60_000).toISOString(),
      });
      assert.equal(badSlot.status, 400);
      assert.match(await badSlot.text(), /<a href="#tijd">Kies een tijd uit de lijst\.<\/a>/);

      const done = await jan.post(`${base}/vragen/${id}/terugbellen`, {
        _csrf: csrf,
        telefoon: "020 123 4567",
        tijd: slot.toISOString(),
      });
      assert.equal(done.status, 303, await done.clone().text());
      const tasks = await database.query<{
        kind: string;
        due_at: Date;
        contact_address: string;
        status: string;
      }>("SELECT kind, due_at, contact_address, status FROM tasks WHERE question_id = $1", [id]);
      assert.equal(tasks.length, 1);
      assert.equal(tasks[0]?.kind, "callback");
      assert.equal(new Date(tasks[0]?.due_at ?? 0).toISOString(), slot.toISOString());
      assert.equal(tasks[0]?.contact_address, "+31201234567");
      const after = await page(id, "?gedaan=terugbellen");
      assert.match(after, /Uw verzoek om terugbellen is ontvangen/);
      const day = new Intl.DateTimeFormat("nl-NL", {
        weekday: "long",
        day: "numeric",
        month: "long",
        timeZone: "Europe/Amsterdam",
      }).format(slot);
      assert.ok(after.includes(`We bellen u uiterlijk ${day}.`), day);
      assert.equal((await audits("portal.callback.request"))[0]?.actor_type, "resident");
    });

    it("moves one question to WhatsApp: the reply rule follows the resident's choice", async () => {
      const id = seeded.bySms.questionId;
      assert.match(await page(id), /id="kanaal-whatsapp"/);
      const letter = await jan.post(`${base}/vragen/${id}/kanaal`, { _csrf: csrf, kanaal: "letter" });
      assert.equal(letter.status, 400, "no postal address known");
      const bogus = await jan.post(`${base}/vragen/${id}/kanaal`, { _csrf: csrf, kanaal: "fax" });
      assert.equal(bogus.status, 400);
      assert.match(await bogus.text(), /<a href="#kanaal-email">Kies hoe u het antwoord wilt krijgen\.<\/a>/);

      const moved = await jan.post(`${base}/vragen/${id}/kanaal`, { _csrf: csrf, kanaal: "whatsapp" });
      assert.equal(moved.status, 303, await moved.clone().text());
      const html = await page(id, "?gedaan=whatsapp");
      assert.match(html, /Uw keuze is bewaard\. Wij antwoorden u via WhatsApp\./);
      assert.match(html, /U heeft gekozen voor WhatsApp\. We antwoorden u via WhatsApp\./);
      assert.deepEqual(await suggestion(id), {
        ...(await suggestion(id)),
        channel: "whatsapp",
        reason: "question-choice",
      });
      const [audit] = await database.query<{ actor_type: string; details: { chosenBy: string } }>(
        "SELECT actor_type, details FROM audit_events WHERE action = 'portal.question.reply-channel'",
      );
      assert.equal(audit?.actor_type, "resident");
      assert.equal(audit?.details.chosenBy, "resident");
    });

    it("a topic preference set in the portal is the employee's reply suggestion at once", async () => {
      const id = seeded.byEmail.questionId; // topic afval
      assert.equal((await suggestion(id)).channel, "email");
      const form = await jan.get(`${base}/voorkeuren`);
      assert.equal(form.status, 200);
      const html = await form.text();
      assert.match(html, /<h1>Mijn voorkeuren<\/h1>/);
      assert.match(html, /<label for="onderwerp">Onderwerp<\/label>/);
      assert.match(html, /U heeft nog geen voorkeur per onderwerp\./);

      const unknown = await jan.post(`${base}/voorkeuren/onderwerp`, {
        _csrf: csrf,
        onderwerp: "bestaat-niet",
        "onderwerp-kanaal": "whatsapp",
      });
      assert.equal(unknown.status, 400);
      assert.match(await unknown.text(), /<a href="#onderwerp">Kies een onderwerp uit de lijst\.<\/a>/);

      const saved = await jan.post(`${base}/voorkeuren/onderwerp`, {
        _csrf: csrf,
        onderwerp: "afval",
        "onderwerp-kanaal": "whatsapp",
      });
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get("location"), `${base}/voorkeuren?gedaan=onderwerp`);
      const suggested = await suggestion(id);
      assert.equal(suggested.channel, "whatsapp");
      assert.equal(suggested.reason, "topic-preference");
      assert.match(
        await (await jan.get(`${base}/voorkeuren?gedaan=onderwerp`)).text(),
        /Afval[^<]*: WhatsApp/,
      );
      assert.equal((await audits("portal.preferences.topic"))[0]?.actor_type, "resident");

      // "Geen voorkeur" takes it away again.
      await jan.post(`${base}/voorkeuren/onderwerp`, {
        _csrf: csrf,
        onderwerp: "afval",
        "onderwerp-kanaal": "",
      });
      assert.equal((await suggestion(id)).channel, "email");
    });

    it("general preferences: channel, language, needs and no digital contact, at once in the reply rule", async () => {
      const id = seeded.byPhone.questionId; // last contact by phone
      assert.equal((await suggestion(id)).channel, "phone");
      const bad = await jan.post(`${base}/voorkeuren`, { _csrf: csrf, voorkeurskanaal: "duif" });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /<a href="#voorkeurskanaal">Kies een van de mogelijkheden\.<\/a>/);

      const form = new URLSearchParams([
        ["_csrf", csrf],
        ["voorkeurskanaal", "sms"],
        ["taal", "eng"],
        ["behoefte", "plain-language"],
        ["behoefte", "interpreter"],
      ]);
      const saved = await world.app.request(`${base}/voorkeuren`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: [...jan.jar].map(([k, v]) => `${k}=${v}`).join("; "),
        },
        body: form.toString(),
      });
      assert.equal(saved.status, 303, await saved.clone().text());
      const [prefs] = await database.query<{
        preferred_channel: string;
        language: string;
        needs: string[];
        no_digital_contact: boolean;
      }>(
        "SELECT preferred_channel, language, needs, no_digital_contact FROM preferences WHERE party_id = $1",
        [await janParty()],
      );
      assert.equal(prefs?.preferred_channel, "sms");
      assert.equal(prefs?.language, "eng");
      assert.deepEqual(prefs?.needs, ["plain-language", "interpreter"]);
      assert.equal(prefs?.no_digital_contact, false);
      assert.deepEqual(
        { ...(await suggestion(id)), reachable: undefined, noDigitalContact: undefined },
        { channel: "sms", reason: "general-preference", reachable: undefined, noDigitalContact: undefined },
      );
      const shown = await (await jan.get(`${base}/voorkeuren`)).text();
      assert.match(shown, /<option value="sms" selected="">/);
      assert.match(shown, /id="behoefte-interpreter" name="behoefte" value="interpreter" checked=""/);

      const noDigital = await jan.post(`${base}/voorkeuren`, {
        _csrf: csrf,
        voorkeurskanaal: "sms",
        taal: "",
        "geen-digitaal": "ja",
      });
      assert.equal(noDigital.status, 303);
      const after = await suggestion(id);
      assert.equal(after.channel, "phone");
      assert.equal((await audits("portal.preferences.update")).length, 2);
      assert.equal((await audits("portal.preferences.read"))[0]?.actor_type, "resident");
      // Put back, so nothing else here depends on the order of the tests.
      await jan.post(`${base}/voorkeuren`, { _csrf: csrf, voorkeurskanaal: "", taal: "" });
    });

    it("speaks English on the new pages", async () => {
      const html = await (await jan.get(`${base}/voorkeuren?lang=en`)).text();
      assert.match(html, /<h1>My preferences<\/h1>/);
      assert.match(html, /An interpreter/);
      const question = await (await jan.get(`${base}/vragen/${seeded.byEmail.questionId}?lang=en`)).text();
      assert.match(question, /Call me back/);
      assert.match(question, /action="\/mijn\/verder\/vragen\/[^"]+\/bericht\?lang=en"/);
    });

    it("every new post answers 404 for a question that is not the resident's, and changes nothing", async () => {
      const piet = await logIn(world, "piet@verder.test", "192.0.2.61");
      const pietCsrf = hiddenField(await (await piet.get(`${base}/vragen`)).text(), "_csrf");
      const slot = callbackSlots(world.deps.clock())[0]?.toISOString() ?? "";
      const before = await database.query<{ n: number }>(
        "SELECT (SELECT count(*) FROM interactions)::int + (SELECT count(*) FROM tasks)::int AS n",
      );
      for (const questionId of [
        seeded.byEmail.questionId,
        "00000000-0000-4000-8000-000000000000",
        "geen-id",
      ]) {
        const posts: Array<[string, Record<string, string>]> = [
          ["bericht", { bericht: "Van iemand anders" }],
          ["terugbellen", { telefoon: "0612345678", tijd: slot }],
          ["kanaal", { kanaal: "email" }],
        ];
        for (const [path, form] of posts) {
          const response = await piet.post(`${base}/vragen/${questionId}/${path}`, {
            _csrf: pietCsrf,
            ...form,
          });
          assert.equal(response.status, 404, `${path} ${questionId}`);
        }
      }
      assert.equal((await piet.get(`${base}/vragen/${seeded.byEmail.questionId}`)).status, 404);
      const afterCount = await database.query<{ n: number }>(
        "SELECT (SELECT count(*) FROM interactions)::int + (SELECT count(*) FROM tasks)::int AS n",
      );
      assert.deepEqual(afterCount, before);
      // Piet's own preferences are his: Jan's topic preferences are not touched or shown.
      const prefs = await (await piet.get(`${base}/voorkeuren`)).text();
      assert.match(prefs, /U heeft nog geen voorkeur per onderwerp\./);

      // Without a session every new post goes to the login page.
      const anonymous = await world.app.request(`${base}/vragen/${seeded.byEmail.questionId}/bericht`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "bericht=hallo",
      });
      assert.equal(anonymous.status, 303);
      assert.equal(anonymous.headers.get("location"), `${base}/inloggen`);
    });
  });
}
