import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import { type Client, createTestTenant, logInAs, testDeps } from "../../test-support/harness";
import { enableChat, visitor } from "./chat.test-helpers";

type ChatView = { sessions: Array<{ id: string; messages: Array<{ text: string }> }> };

for (const backend of testBackends()) {
  describe(`a chat follows its contact when questions are corrected (${backend.name})`, () => {
    const slug = "draadstad";
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let agent: Client;
    let ip = 1;

    before(async () => {
      database = await backend.open();
      const tenant = await createTestTenant(database, slug);
      await enableChat(database, tenant.tenantId, slug);
      app = createApp(testDeps(database));
      agent = await logInAs(app, `agent@${slug}.test`);
    });
    after(() => database.drop());

    /** A chat with one visitor line; its question id, session id and contact id. */
    const chatWith = async (text: string) => {
      const v = visitor(app, slug, `192.0.2.${ip++}`);
      const { questionReference } = await v.start();
      assert.equal((await v.send("messages", { text })).status, 201);
      const [row] = await database.query<{ question_id: string; interaction_id: string }>(
        `SELECT s.question_id::text, s.interaction_id::text FROM chat_sessions s
           JOIN questions q ON q.id = s.question_id WHERE q.reference = $1`,
        [questionReference],
      );
      assert.ok(row);
      return { questionId: row.question_id, interactionId: row.interaction_id, sessionId: v.sessionId };
    };
    const chatOf = async (questionId: string) => {
      const response = await agent.get(`/api/v1/questions/${questionId}/chat`);
      assert.equal(response.status, 200);
      return ((await response.json()) as ChatView).sessions;
    };

    it("moves, merges and splits with the chat, so its panel shows in the question it now belongs to", async () => {
      const first = await chatWith("Mijn pas is kwijt.");
      const second = await chatWith("Ik wil een nieuwe pas aanvragen.");

      const moved = await agent.post(`/api/v1/interactions/${first.interactionId}/_move`, {
        targetQuestionId: second.questionId,
        reason: "Zelfde inwoner, zelfde pas",
      });
      assert.equal(moved.status, 200, await moved.clone().text());
      assert.deepEqual(
        (await chatOf(second.questionId)).map((s) => s.id).sort(),
        [first.sessionId, second.sessionId].sort(),
        "both chats now show in the question they were moved to",
      );
      const emptied = await agent.get(`/api/v1/questions/${first.questionId}/chat`);
      assert.equal(((await emptied.json()) as ChatView).sessions.length, 0);

      const split = await agent.post(`/api/v1/questions/${second.questionId}/_split`, {
        interactionIds: [first.interactionId],
        topicId: null,
        reason: "Toch twee vragen",
      });
      assert.equal(split.status, 200, await split.clone().text());
      const created = (await split.json()) as { questionId: string };
      assert.deepEqual(
        (await chatOf(created.questionId)).map((s) => s.messages.map((m) => m.text)),
        [["Mijn pas is kwijt."]],
      );
      assert.deepEqual(
        (await chatOf(second.questionId)).map((s) => s.id),
        [second.sessionId],
      );

      const merged = await agent.post(`/api/v1/questions/${second.questionId}/_merge`, {
        mergedQuestionId: created.questionId,
        reason: "Eén vraag over de pas",
      });
      assert.equal(merged.status, 200, await merged.clone().text());
      assert.equal((await chatOf(second.questionId)).length, 2);
      const [left] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM chat_sessions WHERE question_id = $1",
        [created.questionId],
      );
      assert.equal(left?.n, 0, "no chat is left behind in the merged question");
    });
  });
}
