import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { enableChat } from "../channels/chat/chat.test-helpers";
import { testBackends } from "../test-support/backends";
import { hiddenField, logIn, type PortalWorld, portalWorld } from "./portal.test-helpers";

for (const backend of testBackends()) {
  describe(`portal: chat about a question (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    const slug = "chatvraag";
    const base = `/mijn/${slug}`;
    const jan = "jan@chatvraag.test";

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, slug);
      await enableChat(database, world.tenant.tenantId, slug);
    });
    after(async () => {
      await world.smtp.close();
      await database.drop();
    });

    /** The widget's call from the portal's own chat page: same origin, the handed-over token. */
    const fromChatPage = (path: string, token: string, body: unknown) =>
      world.app.request(`http://localhost/chat/${slug}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "http://localhost",
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(body),
      });

    it("opens the web chat from the question page, and the chat lands in that question", async () => {
      const question = await world.ingest({
        text: "Wanneer komt de nieuwe container?",
        topicId: "afval",
        sender: { identifiers: [{ kind: "email", value: jan }] },
      });
      const browser = await logIn(world, jan, "192.0.2.20");
      const page = await (await browser.get(`${base}/vragen/${question.questionId}`)).text();
      assert.match(page, /Chat over deze vraag/);
      const action = `${base}/vragen/${question.questionId}/chat`;
      assert.ok(page.includes(`action="${action}"`));

      assert.equal((await browser.post(action, { _csrf: "nope" })).status, 403);
      const opened = await browser.post(action, { _csrf: hiddenField(page, "_csrf") });
      assert.equal(opened.status, 200, await opened.clone().text());
      assert.equal(opened.headers.get("cache-control"), "no-store");
      assert.match(opened.headers.get("content-security-policy") ?? "", /script-src 'self'/);
      const html = await opened.text();
      assert.match(html, /<h1>Chat over vraag /);
      assert.match(html, /<script src="\/chat\/widget\.js"/);
      const sessionId = /data-sessie="([0-9a-f-]{36})"/.exec(html)?.[1] ?? "";
      const token = /data-token="([\w-]+)"/.exec(html)?.[1] ?? "";
      assert.ok(sessionId && token);

      const [chat] = await database.query<{
        question_id: string;
        identified_email: string | null;
        resident: string;
      }>(
        `SELECT cs.question_id::text, cs.identified_email,
                (SELECT party_id::text FROM party_identifiers WHERE value = $2) AS resident
           FROM chat_sessions cs WHERE cs.id = $1`,
        [sessionId, jan],
      );
      assert.equal(chat?.question_id, question.questionId);
      assert.equal(chat?.identified_email, jan);

      const said = await fromChatPage(`/sessions/${sessionId}/messages`, token, { text: "Is er al nieuws?" });
      assert.ok(said.status < 300, await said.clone().text());
      const [line] = await database.query<{ question_id: string }>(
        `SELECT cs.question_id::text FROM chat_messages m JOIN chat_sessions cs ON cs.id = m.session_id
          WHERE m.text = 'Is er al nieuws?'`,
      );
      assert.equal(line?.question_id, question.questionId);
      const [contact] = await database.query<{ party_id: string | null }>(
        `SELECT ip.party_id::text FROM interactions i JOIN interaction_parties ip ON ip.interaction_id = i.id
          WHERE i.question_id = $1 AND i.channel = 'chat'`,
        [question.questionId],
      );
      assert.equal(contact?.party_id, chat?.resident, "the chat is the resident's contact");

      // Opening it again (a reload) hands over the same chat with a new token; the old one stops working.
      const again = await (await browser.post(action, { _csrf: hiddenField(page, "_csrf") })).text();
      assert.equal(/data-sessie="([0-9a-f-]{36})"/.exec(again)?.[1], sessionId);
      const stale = await fromChatPage(`/sessions/${sessionId}/messages`, token, { text: "Oude sleutel" });
      assert.ok(stale.status >= 400);
    });

    it("is no way into another resident's question, and is not offered where chat is off", async () => {
      const other = await world.ingest({
        text: "Vraag van Piet",
        sender: { identifiers: [{ kind: "email", value: "piet@chatvraag.test" }] },
      });
      const browser = await logIn(world, jan, "192.0.2.21");
      const list = await (await browser.get(`${base}/vragen`)).text();
      const refused = await browser.post(`${base}/vragen/${other.questionId}/chat`, {
        _csrf: hiddenField(list, "_csrf"),
      });
      assert.equal(refused.status, 404);
      const [count] = await database.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM chat_sessions WHERE question_id = $1",
        [other.questionId],
      );
      assert.equal(count?.n, "0");

      const off = await portalWorld(database, "chatvraag-uit");
      try {
        const question = await off.ingest({
          text: "Een vraag",
          sender: { identifiers: [{ kind: "email", value: jan }] },
        });
        const resident = await logIn(off, jan, "192.0.2.22");
        const page = await (await resident.get(`/mijn/chatvraag-uit/vragen/${question.questionId}`)).text();
        assert.doesNotMatch(page, /Chat over deze vraag/);
        const post = await resident.post(`/mijn/chatvraag-uit/vragen/${question.questionId}/chat`, {
          _csrf: hiddenField(page, "_csrf"),
        });
        assert.equal(post.status, 404);
      } finally {
        await off.smtp.close();
      }
    });
  });
}
