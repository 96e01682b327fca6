import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { enableChat, visitor } from "../../channels/chat/chat.test-helpers";
import type { AppDeps } from "../../platform/deps";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, logInAs, testDeps } from "../../test-support/harness";
import { endAbandonedChats } from "./end-abandoned-chats";

const FIVE_MINUTES = 5 * 60_000;

for (const backend of testBackends()) {
  describe(`abandoned waiting chats end by themselves (${backend.name})`, () => {
    const slug = "verlatenstad";
    let database: Database & { drop(): Promise<void> };
    let deps: AppDeps;
    let app: App;
    let offsetMs = 0;
    let ip = 10;

    before(async () => {
      database = await backend.open();
      const tenant = await createTestTenant(database, slug);
      await enableChat(database, tenant.tenantId, slug);
      deps = testDeps(database, { clock: () => new Date(Date.now() + offsetMs) });
      app = createApp(deps);
    });
    after(() => database.drop());

    const sessionRow = async (id: string) => {
      const [row] = await database.query<{ status: string; end_reason: string | null; text: string | null }>(
        `SELECT s.status, s.end_reason, i.text FROM chat_sessions s JOIN interactions i ON i.id = s.interaction_id
          WHERE s.id = $1`,
        [id],
      );
      return row;
    };
    const sweep = async (laterMs: number) => {
      offsetMs = laterMs;
      try {
        return await endAbandonedChats(
          { db: database.db, clock: deps.clock },
          { abandonAfterMs: FIVE_MINUTES },
        );
      } finally {
        offsetMs = 0;
      }
    };

    it("ends a waiting chat whose visitor left, with a line saying so, and keeps the question", async () => {
      const gone = visitor(app, slug, `198.51.100.${ip++}`);
      const { questionReference } = await gone.start();
      await gone.send("messages", { text: "Hallo, is er iemand?" });
      const stream = await gone.stream();
      await stream.close();

      assert.equal(
        (await sweep(FIVE_MINUTES - 30_000)).ended,
        0,
        "not before the visitor is gone long enough",
      );
      assert.equal((await sessionRow(gone.sessionId))?.status, "waiting");

      assert.equal((await sweep(FIVE_MINUTES + 30_000)).ended, 1);
      const row = await sessionRow(gone.sessionId);
      assert.equal(row?.status, "ended");
      assert.equal(row?.end_reason, "timeout");
      assert.match(row?.text ?? "", /Hallo, is er iemand\?/);
      assert.match(row?.text ?? "", /niet meer verbonden/);
      const [question] = await database.query<{ status: string }>(
        "SELECT status FROM questions WHERE reference = $1",
        [questionReference],
      );
      assert.notEqual(question?.status, "resolved", "the question stays for an employee to decide");
      assert.equal((await sweep(FIVE_MINUTES + 60_000)).ended, 0, "ended once");
    });

    it("leaves a chat alone while its visitor's stream is open, and one an employee answers", async () => {
      const waiting = visitor(app, slug, `198.51.100.${ip++}`);
      await waiting.start();
      const stream = await waiting.stream();
      const answered = visitor(app, slug, `198.51.100.${ip++}`);
      await answered.start();
      const agent = await logInAs(app, `agent@${slug}.test`);
      assert.equal(
        (await agent.post(`/api/v1/chat-sessions/${answered.sessionId}/messages`, { text: "Goedemiddag!" }))
          .status,
        201,
      );
      try {
        // The stream's visitor was seen when it opened; a later sweep, still within the limit of
        // that moment, leaves it waiting.
        assert.equal((await sweep(FIVE_MINUTES - 30_000)).ended, 0);
        assert.equal((await sessionRow(waiting.sessionId))?.status, "waiting");
      } finally {
        await stream.close();
      }
      await sweep(FIVE_MINUTES * 3);
      assert.equal(
        (await sessionRow(answered.sessionId))?.status,
        "active",
        "an answered chat is never ended",
      );
    });
  });
}
