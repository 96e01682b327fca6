import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  client,
  createTestTenant,
  logInAs,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";

type Changed = { topicId: string | null; status: string; teamId: string | null; visibleToYou: boolean };
type Problem = { detail: string; invalidParams?: Array<{ name: string; code: string }> };

for (const backend of testBackends()) {
  describe(`changing a question's topic and status (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let system: Client;
    let agent: Client;
    let n = 0;
    const ingest = async (body: Record<string, unknown>) => {
      const response = await system.post("/api/v1/interactions", {
        channel: "email",
        externalId: `change-${n++}`,
        text: "Hallo",
        sender: { identifiers: [{ kind: "email", value: "wijzig@voorbeeld.test" }] },
        ...body,
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    };
    const change = (questionId: string, body: Record<string, unknown>) =>
      agent.post(`/api/v1/questions/${questionId}/_change`, body);

    before(async () => {
      database = await backend.open();
      const app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "change");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@change.test");
    });
    after(() => database.drop());

    it("routes a question to the team of its new topic and keeps its due time", async () => {
      const question = await ingest({});
      const [before] = await database.query<{ team_id: string; due_at: string | null }>(
        "SELECT team_id, due_at::text FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.equal(before?.team_id, tenant.teams.general);
      const response = await change(question.questionId, { topicId: "belastingen" });
      assert.equal(response.status, 200, await response.clone().text());
      const changed = (await response.json()) as Changed;
      assert.deepEqual(
        [changed.topicId, changed.teamId, changed.status, changed.visibleToYou],
        ["belastingen", tenant.teams.taxes, "open", true],
      );
      const [after] = await database.query<{ team_id: string; due_at: string | null }>(
        "SELECT team_id, due_at::text FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.equal(after?.team_id, tenant.teams.taxes);
      assert.equal(after?.due_at, before?.due_at);
      const events = await database.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM outbox WHERE type = 'question.changed' AND payload->>'questionId' = $1",
        [question.questionId],
      );
      assert.ok(Number(events[0]?.n) >= 1);
      const [audit] = await database.query<{ details: { fromTeamId: string; toTeamId: string } }>(
        "SELECT details FROM audit_events WHERE action = 'question.change' AND $1 = ANY(object_ids)",
        [question.questionId],
      );
      assert.deepEqual(
        [audit?.details.fromTeamId, audit?.details.toTeamId],
        [tenant.teams.general, tenant.teams.taxes],
      );
    });

    it("says when a new sensitive topic takes the question out of the agent's sight", async () => {
      const question = await ingest({ topicId: "afval" });
      const changed = (await (await change(question.questionId, { topicId: "jeugd" })).json()) as Changed;
      assert.deepEqual([changed.teamId, changed.visibleToYou], [tenant.teams.youth, false]);
      assert.equal((await agent.get(`/api/v1/questions/${question.questionId}`)).status, 404);
    });

    it("sets the status; resolving records when, reopening clears it", async () => {
      const question = await ingest({ topicId: "afval" });
      const waiting = await change(question.questionId, { status: "waiting-on-resident" });
      assert.equal(((await waiting.json()) as Changed).status, "waiting-on-resident");
      await change(question.questionId, { status: "resolved" });
      const [resolved] = await database.query<{ status: string; resolved: boolean }>(
        "SELECT status, resolved_at IS NOT NULL AS resolved FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.deepEqual([resolved?.status, resolved?.resolved], ["resolved", true]);
      await change(question.questionId, { status: "reopened" });
      const [reopened] = await database.query<{ status: string; resolved: boolean }>(
        "SELECT status, resolved_at IS NOT NULL AS resolved FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.deepEqual([reopened?.status, reopened?.resolved], ["reopened", false]);
    });

    it("refuses an unknown topic, an unknown status and an empty change with 400", async () => {
      const question = await ingest({ topicId: "afval" });
      const unknown = await change(question.questionId, { topicId: "hondenbelasting" });
      assert.equal(unknown.status, 400);
      const problem = (await unknown.json()) as Problem;
      assert.deepEqual(
        problem.invalidParams?.map((p) => [p.name, p.code]),
        [["topicId", "unknown-topic"]],
      );
      assert.match(problem.detail, /onderwerp/);
      assert.equal((await change(question.questionId, { status: "klaar" })).status, 400);
      assert.equal((await change(question.questionId, {})).status, 400);
      const [row] = await database.query<{ topic_id: string; status: string }>(
        "SELECT topic_id, status FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.deepEqual([row?.topic_id, row?.status], ["afval", "open"]);
    });
  });
}
