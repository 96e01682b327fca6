import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { agentTestContext } from "../../test-support/agent-test-context";
import { testBackends } from "../../test-support/backends";

type Changed = { topicId: string | null; status: string; teamId: string | null; visibleToYou: boolean };
type Problem = { detail: string; invalidParams?: Array<{ name: string; code: string }> };

for (const backend of testBackends()) {
  describe(`changing a question's topic and status (${backend.name})`, () => {
    const ctx = agentTestContext(backend, "change", {
      externalIdPrefix: "change",
      text: "Hallo",
      senderEmail: "wijzig@voorbeeld.test",
    });
    const change = (questionId: string, body: Record<string, unknown>) =>
      ctx.agent.post(`/api/v1/questions/${questionId}/_change`, body);

    it("routes a question to the team of its new topic and keeps its due time", async () => {
      const question = await ctx.ingest({});
      const [before] = await ctx.database.query<{ team_id: string; due_at: string | null }>(
        "SELECT team_id, due_at::text FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.equal(before?.team_id, ctx.tenant.teams.general);
      const response = await change(question.questionId, { topicId: "belastingen" });
      assert.equal(response.status, 200, await response.clone().text());
      const changed = (await response.json()) as Changed;
      assert.deepEqual(
        [changed.topicId, changed.teamId, changed.status, changed.visibleToYou],
        ["belastingen", ctx.tenant.teams.taxes, "open", true],
      );
      const [after] = await ctx.database.query<{ team_id: string; due_at: string | null }>(
        "SELECT team_id, due_at::text FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.equal(after?.team_id, ctx.tenant.teams.taxes);
      assert.equal(after?.due_at, before?.due_at);
      const events = await ctx.database.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM outbox WHERE type = 'question.changed' AND payload->>'questionId' = $1",
        [question.questionId],
      );
      assert.ok(Number(events[0]?.n) >= 1);
      const [audit] = await ctx.database.query<{ details: { fromTeamId: string; toTeamId: string } }>(
        "SELECT details FROM audit_events WHERE action = 'question.change' AND $1 = ANY(object_ids)",
        [question.questionId],
      );
      assert.deepEqual(
        [audit?.details.fromTeamId, audit?.details.toTeamId],
        [ctx.tenant.teams.general, ctx.tenant.teams.taxes],
      );
    });

    it("says when a new sensitive topic takes the question out of the agent's sight", async () => {
      const question = await ctx.ingest({ topicId: "afval" });
      const changed = (await (await change(question.questionId, { topicId: "jeugd" })).json()) as Changed;
      assert.deepEqual([changed.teamId, changed.visibleToYou], [ctx.tenant.teams.youth, false]);
      assert.equal((await ctx.agent.get(`/api/v1/questions/${question.questionId}`)).status, 404);
    });

    it("sets the status; resolving records when, reopening clears it", async () => {
      const question = await ctx.ingest({ topicId: "afval" });
      const waiting = await change(question.questionId, { status: "waiting-on-resident" });
      assert.equal(((await waiting.json()) as Changed).status, "waiting-on-resident");
      await change(question.questionId, { status: "resolved" });
      const [resolved] = await ctx.database.query<{ status: string; resolved: boolean }>(
        "SELECT status, resolved_at IS NOT NULL AS resolved FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.deepEqual([resolved?.status, resolved?.resolved], ["resolved", true]);
      await change(question.questionId, { status: "reopened" });
      const [reopened] = await ctx.database.query<{ status: string; resolved: boolean }>(
        "SELECT status, resolved_at IS NOT NULL AS resolved FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.deepEqual([reopened?.status, reopened?.resolved], ["reopened", false]);
    });

    it("refuses an unknown topic, an unknown status and an empty change with 400", async () => {
      const question = await ctx.ingest({ topicId: "afval" });
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
      const [row] = await ctx.database.query<{ topic_id: string; status: string }>(
        "SELECT topic_id, status FROM questions WHERE id = $1",
        [question.questionId],
      );
      assert.deepEqual([row?.topic_id, row?.status], ["afval", "open"]);
    });
  });
}
