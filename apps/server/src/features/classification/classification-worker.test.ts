import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { testBackends } from "../../test-support/backends";
import { type Client, client, createTestTenant, type TestTenant, testDeps } from "../../test-support/harness";
import { until } from "../workspace/browser-test-support";
import { startClassificationWorker } from "./classification-worker";

for (const backend of testBackends()) {
  describe(`classification worker: a new question without a topic gets one by itself, explained (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let system: Client;
    let worker: ReturnType<typeof startClassificationWorker>;
    let n = 0;

    const ingest = async (text: string) => {
      const response = await system.post("/api/v1/interactions", {
        channel: "email",
        externalId: `classify-${n++}`,
        sender: { identifiers: [{ kind: "email", value: `inwoner${n}@voorbeeld.test` }] },
        text,
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    };
    const questionOf = async (id: string) =>
      (
        await database.query<{ topic_id: string | null; team_id: string | null }>(
          "SELECT topic_id, team_id::text FROM questions WHERE id = $1",
          [id],
        )
      )[0];

    before(async () => {
      database = await backend.open();
      const deps = testDeps(database);
      tenant = await createTestTenant(database, "onderwerpstad");
      system = client(createApp(deps), { token: tenant.token });
      worker = startClassificationWorker(deps, { settleMs: 20 });
      await worker.ready;
    });
    after(async () => {
      await worker?.stop();
      await database?.drop();
    });

    it("sets the topic and the team after the contact arrives, and records the words that drove it", async () => {
      const taxes = await ingest(
        "Geachte heer/mevrouw, ik heb de aanslag gemeentelijke belastingen ontvangen en ik ben het niet eens met de WOZ-waarde van mijn woning. Ik wil bezwaar maken.",
      );
      assert.equal((await questionOf(taxes.questionId))?.topic_id ?? null, null, "unknown at first");
      await until(
        async () => (await questionOf(taxes.questionId))?.topic_id === "belastingen",
        "topic set",
        10_000,
      );
      assert.equal(
        (await questionOf(taxes.questionId))?.team_id,
        tenant.teams.taxes,
        "routed to the taxes team",
      );
      const [decision] = await database.query<{ explanation: Array<{ word: string }>; topic_id: string }>(
        "SELECT explanation, topic_id FROM classification_decisions WHERE question_id = $1",
        [taxes.questionId],
      );
      assert.equal(decision?.topic_id, "belastingen");
      assert.ok((decision?.explanation.length ?? 0) > 0, "the driving words are kept with the decision");
    });
  });
}
