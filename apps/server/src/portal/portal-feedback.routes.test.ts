import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { testBackends } from "../test-support/backends";
import { hiddenField, logIn, type PortalWorld, portalWorld } from "./portal.test-helpers";

type Browser = Awaited<ReturnType<typeof logIn>>;

for (const backend of testBackends()) {
  describe(`residents' portal: "Heeft dit u geholpen?" on a resolved question (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    let jan: Browser;
    let csrf: string;
    let resolvedId: string;
    let openId: string;
    let otherId: string;
    const base = "/mijn/mening";
    const email = "jan@mening.test";

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, "mening");
      const jans = { identifiers: [{ kind: "email", value: email }] };
      resolvedId = (
        await world.ingest({ text: "Mijn container is niet geleegd.", topicId: "afval", sender: jans })
      ).questionId;
      openId = (
        await world.ingest({ text: "Wanneer is de markt?", topicId: "afval", sender: jans, subject: "Markt" })
      ).questionId;
      otherId = (
        await world.ingest({
          text: "Mijn lantaarnpaal is kapot.",
          topicId: "afval",
          sender: { identifiers: [{ kind: "email", value: "piet@mening.test" }] },
        })
      ).questionId;
      for (const id of [resolvedId, otherId]) {
        const done = await world.agent.post(`/api/v1/questions/${id}/_change`, { status: "resolved" });
        assert.equal(done.status, 200, await done.clone().text());
      }
      jan = await logIn(world, email, "192.0.2.70");
      csrf = hiddenField(await (await jan.get(`${base}/vragen`)).text(), "_csrf");
    });
    after(async () => {
      await world.smtp.close();
      await database.drop();
    });

    const feedbackRows = () =>
      database.query<{ helped: boolean; comment: string | null }>(
        "SELECT helped, comment FROM question_feedback WHERE question_id = $1",
        [resolvedId],
      );

    it("asks only under a resolved question, and refuses an answer on one still open", async () => {
      const open = await (await jan.get(`${base}/vragen/${openId}`)).text();
      assert.doesNotMatch(open, /Heeft dit u geholpen\?/);
      const refused = await jan.post(`${base}/vragen/${openId}/geholpen`, { _csrf: csrf, geholpen: "ja" });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /U kunt dit pas invullen als uw vraag is afgerond\./);

      const resolved = await (await jan.get(`${base}/vragen/${resolvedId}`)).text();
      assert.match(resolved, /<legend>Heeft dit u geholpen\?<\/legend>/);
      assert.match(resolved, /<input type="radio" id="geholpen-ja" name="geholpen" value="ja"/);
      assert.match(resolved, /<label for="toelichting">Wilt u nog iets zeggen\? \(niet verplicht\)<\/label>/);
      assert.match(resolved, new RegExp(`action="${base}/vragen/${resolvedId}/geholpen"`));
      assert.match(resolved, /name="_csrf"/);
      const english = await (await jan.get(`${base}/vragen/${resolvedId}?lang=en`)).text();
      assert.match(english, /<legend>Did this help you\?<\/legend>/);
      assert.match(english, /<label for="geholpen-nee">No<\/label>/);
    });

    it("needs yes or no, and a comment within the limit", async () => {
      const none = await jan.post(`${base}/vragen/${resolvedId}/geholpen`, {
        _csrf: csrf,
        toelichting: "Hm",
      });
      assert.equal(none.status, 400);
      const noneHtml = await none.text();
      assert.match(noneHtml, /<a href="#geholpen-ja">Kies ja of nee\.<\/a>/);
      assert.match(noneHtml, />Hm<\/textarea>/, "what was written is kept");
      const long = await jan.post(`${base}/vragen/${resolvedId}/geholpen`, {
        _csrf: csrf,
        geholpen: "ja",
        toelichting: "x".repeat(1001),
      });
      assert.equal(long.status, 400);
      assert.match(await long.text(), /<a href="#toelichting">Uw toelichting is te lang/);
      assert.deepEqual(await feedbackRows(), []);
    });

    it("saves the answer with the comment, thanks the resident and logs the change without the comment", async () => {
      const saved = await jan.post(`${base}/vragen/${resolvedId}/geholpen`, {
        _csrf: csrf,
        geholpen: "ja",
        toelichting: "  Snel opgelost, dank u.  ",
      });
      assert.equal(saved.status, 303, await saved.clone().text());
      assert.equal(saved.headers.get("location"), `${base}/vragen/${resolvedId}?gedaan=geholpen`);
      const html = await (await jan.get(`${base}/vragen/${resolvedId}?gedaan=geholpen`)).text();
      assert.match(html, /role="status">Bedankt voor uw antwoord\. We hebben het opgeslagen\./);
      assert.match(html, /U antwoordde eerder: ja\./);
      assert.match(html, /id="geholpen-ja" name="geholpen" value="ja" checked/);
      assert.deepEqual(await feedbackRows(), [{ helped: true, comment: "Snel opgelost, dank u." }]);
      const [audit] = await database.query<{ actor_type: string; purpose: string; details: unknown }>(
        "SELECT actor_type, purpose, details FROM audit_events WHERE action = 'portal.question.feedback'",
      );
      assert.equal(audit?.actor_type, "resident");
      assert.equal(audit?.purpose, "resident-self-service");
      assert.deepEqual(audit?.details, { helped: true, withComment: true });
    });

    it("replaces the answer when the resident answers again", async () => {
      const again = await jan.post(`${base}/vragen/${resolvedId}/geholpen`, { _csrf: csrf, geholpen: "nee" });
      assert.equal(again.status, 303);
      assert.deepEqual(await feedbackRows(), [{ helped: false, comment: null }]);
    });

    it("answers 404 for another resident's question and refuses a post without the form's token", async () => {
      const other = await jan.post(`${base}/vragen/${otherId}/geholpen`, { _csrf: csrf, geholpen: "ja" });
      assert.equal(other.status, 404);
      const unknown = await jan.post(`${base}/vragen/00000000-0000-4000-8000-000000000000/geholpen`, {
        _csrf: csrf,
        geholpen: "ja",
      });
      assert.equal(unknown.status, 404);
      const forged = await jan.post(`${base}/vragen/${resolvedId}/geholpen`, { geholpen: "ja" });
      assert.equal(forged.status, 403);
      const [{ n } = { n: -1 }] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM question_feedback WHERE question_id = $1",
        [otherId],
      );
      assert.equal(n, 0);
    });
  });
}
