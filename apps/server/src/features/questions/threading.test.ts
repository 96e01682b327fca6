import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { testBackends } from "../../test-support/backends";
import { type Client, client, createTestTenant, logInAs, testDeps } from "../../test-support/harness";

type QuestionView = { reference: string; interactions: Array<{ id: string }>; status: string };

for (const backend of testBackends()) {
  describe(`correcting the threading (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let system: Client;
    let agent: Client;
    let youthAgent: Client;
    let n = 0;
    const ingest = async (body: Record<string, unknown>) =>
      (await (
        await system.post("/api/v1/interactions", {
          channel: "email",
          externalId: `t-${n++}`,
          text: "Hallo",
          sender: { identifiers: [{ kind: "email", value: "thread@voorbeeld.test" }] },
          ...body,
        })
      ).json()) as IngestResult;
    const view = async (id: string) =>
      (await (await agent.get(`/api/v1/questions/${id}`)).json()) as QuestionView;

    before(async () => {
      database = await backend.open();
      const app = createApp(testDeps(database));
      const tenant = await createTestTenant(database, "threading");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@threading.test");
      youthAgent = await logInAs(app, "jeugd@threading.test");
    });
    after(() => database.drop());

    it("moves a contact to another question; an emptied question is merged into the target", async () => {
      const a = await ingest({ topicId: "afval" });
      const b = await ingest({ topicId: "parkeren" });
      const moved = await agent.post(`/api/v1/interactions/${b.interactionId}/_move`, {
        targetQuestionId: a.questionId,
        reason: "Zelfde vraag",
      });
      assert.equal(moved.status, 200);
      assert.equal(((await moved.json()) as { sourceMerged: boolean }).sourceMerged, true);
      const events = await database.query<{ question_id: string }>(
        "SELECT payload->>'questionId' AS question_id FROM outbox WHERE type = 'question.changed' ORDER BY id DESC LIMIT 2",
      );
      assert.deepEqual(
        events.map((e) => e.question_id).sort(),
        [a.questionId, b.questionId].sort(),
        "live streams hear of both questions",
      );
      assert.deepEqual(
        (await view(a.questionId)).interactions.map((i) => i.id).sort(),
        [a.interactionId, b.interactionId].sort(),
      );
      // The old reference still leads to the surviving question when quoted by its resident.
      const quoted = await ingest({ subject: `Re: ${b.questionReference}` });
      assert.equal(quoted.questionId, a.questionId);
    });

    it("moves a contact to a question named by its reference as a person types it", async () => {
      const a = await ingest({ topicId: "afval" });
      const c = await ingest({ topicId: "afval" });
      const b = await ingest({ topicId: "parkeren" });
      const typed = a.questionReference.toLowerCase().replaceAll("-", " ");
      const moved = await agent.post(`/api/v1/interactions/${b.interactionId}/_move`, {
        targetReference: typed,
        reason: "Kenmerk genoemd aan de telefoon",
      });
      assert.equal(moved.status, 200, await moved.clone().text());
      assert.equal(((await moved.json()) as { toQuestionId: string }).toQuestionId, a.questionId);
      const bad = await agent.post(`/api/v1/interactions/${c.interactionId}/_move`, {
        targetReference: "geen kenmerk",
        reason: "test",
      });
      assert.equal(bad.status, 400);
      const both = await agent.post(`/api/v1/interactions/${c.interactionId}/_move`, {
        targetReference: a.questionReference,
        targetQuestionId: a.questionId,
        reason: "test",
      });
      assert.equal(both.status, 400, "one target, not two");
    });

    it("merges two questions and splits one", async () => {
      const a = await ingest({ topicId: "belastingen" });
      const b = await ingest({ topicId: "kwijtschelding" });
      const merged = await agent.post(`/api/v1/questions/${a.questionId}/_merge`, {
        mergedQuestionId: b.questionId,
        reason: "Eén behoefte",
      });
      assert.equal(merged.status, 200);
      assert.equal((await view(a.questionId)).interactions.length, 2);
      const split = await agent.post(`/api/v1/questions/${a.questionId}/_split`, {
        interactionIds: [b.interactionId],
        topicId: "kwijtschelding",
        reason: "Toch twee vragen",
      });
      assert.equal(split.status, 200);
      const created = (await split.json()) as { questionId: string; reference: string };
      assert.notEqual(created.reference, a.questionReference);
      assert.deepEqual(
        (await view(created.questionId)).interactions.map((i) => i.id),
        [b.interactionId],
      );
      assert.deepEqual(
        (await view(a.questionId)).interactions.map((i) => i.id),
        [a.interactionId],
      );
      const all = await agent.post(`/api/v1/questions/${a.questionId}/_split`, {
        interactionIds: [a.interactionId],
        reason: "alles",
      });
      assert.equal(all.status, 400, "a split must leave a contact behind");
    });

    it("lets a person accept a suggested link, and no one decide twice", async () => {
      const own = await ingest({
        topicId: "afval",
        sender: { identifiers: [{ kind: "email", value: "eigen@voorbeeld.test" }] },
      });
      const stranger = await ingest({
        subject: `Over ${own.questionReference}`,
        sender: { identifiers: [{ kind: "email", value: "vreemd@voorbeeld.test" }] },
      });
      assert.equal(stranger.suggestionCount, 1);
      const [suggestion] = await database.query<{ id: string }>(
        "SELECT id FROM threading_suggestions WHERE interaction_id = $1",
        [stranger.interactionId],
      );
      const decided = await agent.post(`/api/v1/threading-suggestions/${suggestion?.id}/_decide`, {
        decision: "accept",
        reason: "Buurman namens bewoner",
      });
      assert.equal(decided.status, 200);
      assert.ok((await view(own.questionId)).interactions.some((i) => i.id === stranger.interactionId));
      const again = await agent.post(`/api/v1/threading-suggestions/${suggestion?.id}/_decide`, {
        decision: "reject",
        reason: "nog eens",
      });
      assert.equal(again.status, 409);
    });

    it("does not let an agent outside the youth team move contacts into a youth question", async () => {
      const youth = await ingest({
        topicId: "jeugd",
        sender: { identifiers: [{ kind: "email", value: "jeugdvraag@voorbeeld.test" }] },
      });
      const other = await ingest({
        topicId: "afval",
        sender: { identifiers: [{ kind: "email", value: "jeugdvraag@voorbeeld.test" }] },
      });
      const denied = await agent.post(`/api/v1/interactions/${other.interactionId}/_move`, {
        targetQuestionId: youth.questionId,
        reason: "test",
      });
      assert.equal(denied.status, 404);
      const allowed = await youthAgent.post(`/api/v1/interactions/${other.interactionId}/_move`, {
        targetQuestionId: youth.questionId,
        reason: "test",
      });
      assert.equal(allowed.status, 200);
    });
  });
}
