import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import type { AppDeps } from "../../platform/deps";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import { client, createTestTenant, testDeps } from "../../test-support/harness";
import { dataOf, enableChat, smtpCapture, visitor } from "./chat.test-helpers";

type Earlier = { items: Array<{ id: string; reference: string; topic: { nl: string } | null }> };

for (const backend of testBackends()) {
  describe(`an identified visitor sees and continues an earlier question in the chat (${backend.name})`, () => {
    const slug = "vervolgstad";
    const EMAIL = "sanne@voorbeeld.test";
    let database: Database & { drop(): Promise<void> };
    let deps: AppDeps;
    let app: App;
    let relay: Awaited<ReturnType<typeof smtpCapture>>;
    let token = "";
    let n = 0;

    before(async () => {
      relay = await smtpCapture();
      database = await backend.open();
      const tenant = await createTestTenant(database, slug);
      token = tenant.token;
      await enableChat(database, tenant.tenantId, slug);
      deps = testDeps(database);
      app = createApp(deps);
    });
    after(async () => {
      await database.drop();
      await relay.close();
    });

    /** An earlier contact of this resident by email, on a topic. */
    const emailed = async (topicId: string, text: string, confidential = false) => {
      const response = await client(app, { token }).post("/api/v1/interactions", {
        channel: "email",
        externalId: `earlier-${n++}`,
        text,
        topicId,
        ...(confidential ? { confidential: true } : {}),
        sender: { identifiers: [{ kind: "email", value: EMAIL }] },
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as { questionId: string; questionReference: string };
    };

    it("lists only the resident's open, non-sensitive questions after the email code, and continues one", async () => {
      const pass = await emailed("afval", "Mijn afvalpas is kwijt.");
      await emailed("jeugd", "Vraag over jeugdhulp voor mijn zoon.");
      const v = visitor(app, slug, "203.0.113.40");
      const started = await v.start();
      assert.equal((await v.send("messages", { text: "Over mijn afvalpas nog…" })).status, 201);

      const before = await app.request(`/chat/${slug}/sessions/${v.sessionId}/questions`, {
        headers: { origin: "https://www.chatstad.test", authorization: `Bearer ${v.token}` },
      });
      assert.equal(
        before.status,
        409,
        `not before the visitor is identified: ${await before.clone().text()}`,
      );

      assert.equal((await v.send("_identify", { email: EMAIL })).status, 202);
      assert.equal((await v.send("_verify", { code: await relay.codeFor(deps, EMAIL) })).status, 200);
      const listed = await app.request(`/chat/${slug}/sessions/${v.sessionId}/questions`, {
        headers: { origin: "https://www.chatstad.test", authorization: `Bearer ${v.token}` },
      });
      assert.equal(listed.status, 200);
      const { items } = (await listed.json()) as Earlier;
      assert.deepEqual(
        items.map((i) => [i.reference, i.topic?.nl]),
        [[pass.questionReference, "Afval"]],
        "the waste question only: the youth question is sensitive, the chat's own question is not listed",
      );
      const [audit] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_events WHERE action = 'chat.earlier-questions'",
      );
      assert.equal(audit?.n, 1, "showing them is a read of the resident's data, and logged");

      const stream = await v.stream();
      try {
        const continued = await v.send("_continue", { questionId: pass.questionId });
        assert.equal(continued.status, 200, await continued.clone().text());
        assert.equal(
          ((await continued.json()) as { questionReference: string }).questionReference,
          pass.questionReference,
        );
        const line = await stream.waitFor(
          (f) => f.event === "message" && dataOf<{ sender: string }>(f).sender === "system",
          "the line saying which question continues",
        );
        assert.match(dataOf<{ text: string }>(line).text, new RegExp(pass.questionReference));
        await stream.waitFor(
          (f) =>
            f.event === "status" &&
            dataOf<{ questionReference: string }>(f).questionReference === pass.questionReference,
          "the status names the continued question",
        );
      } finally {
        await stream.close();
      }
      const [chat] = await database.query<{ question_id: string; merged_into: string | null }>(
        `SELECT s.question_id::text, q.merged_into_id::text AS merged_into FROM chat_sessions s, questions q
          WHERE s.id = $1 AND q.reference = $2`,
        [v.sessionId, started.questionReference],
      );
      assert.equal(chat?.question_id, pass.questionId, "the chat now belongs to the earlier question");
      assert.equal(chat?.merged_into, pass.questionId, "the chat's own new question merged into it");
      const [codes] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM interactions WHERE question_id = $1 AND direction = 'outbound'",
        [pass.questionId],
      );
      assert.equal(codes?.n, 1, "the code email went along; nothing is left behind");

      const other = await v.send("_continue", { questionId: pass.questionId });
      assert.equal(other.status, 404, "the question is no longer another, earlier one");
    });
  });
}
