import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { listMigrations } from "@omniloket/db";
import { agentTestContext } from "../../test-support/agent-test-context";
import { testBackends } from "../../test-support/backends";
import { evaluateResidentSignals } from "../signals/evaluate-signals";

type Change = {
  from_status: string;
  to_status: string;
  at: Date;
  interaction_id: string | null;
  employee_id: string | null;
};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

for (const backend of testBackends()) {
  describe(`a question's status history (${backend.name})`, () => {
    const ctx = agentTestContext(backend, "statushistorie", {
      externalIdPrefix: "statushistorie",
      text: "Ik heb een vraag over mijn aanslag gemeentelijke belastingen.",
      senderEmail: "historie@voorbeeld.test",
    });
    const history = (questionId: string) =>
      ctx.database.query<Change>(
        `SELECT from_status, to_status, at, interaction_id::text, employee_id::text
           FROM question_status_changes WHERE question_id = $1 ORDER BY at, id`,
        [questionId],
      );
    const setStatus = async (questionId: string, status: string) => {
      const response = await ctx.agent.post(`/api/v1/questions/${questionId}/_change`, { status });
      assert.equal(response.status, 200, await response.clone().text());
    };
    const agentId = async () => {
      const [row] = await ctx.database.query<{ id: string }>(
        "SELECT id::text FROM employees WHERE email = 'agent@statushistorie.test'",
      );
      assert.ok(row);
      return row.id;
    };

    it("records a contact reopening a resolved question and an employee resolving it again; the reopened signal still finds it", async () => {
      const opened = await ctx.ingest({ topicId: "belastingen", occurredAt: daysAgo(5).toISOString() });
      const questionId = opened.questionId;
      assert.deepEqual(await history(questionId), [], "opening is not a change");

      await setStatus(questionId, "resolved");
      const reopenedAt = new Date();
      const reopening = await ctx.ingest({
        questionId,
        text: "Ik ben het niet eens met uw antwoord.",
        occurredAt: reopenedAt.toISOString(),
      });
      await setStatus(questionId, "resolved");

      const employeeId = await agentId();
      const rows = await history(questionId);
      assert.deepEqual(
        rows.map((r) => [r.from_status, r.to_status, r.interaction_id, r.employee_id]),
        [
          ["open", "resolved", null, employeeId],
          ["resolved", "reopened", reopening.interactionId, null],
          ["reopened", "resolved", null, employeeId],
        ],
      );
      assert.equal(rows[1]?.at.toISOString(), reopenedAt.toISOString(), "at the contact's time");
      const [question] = await ctx.database.query<{ status: string; resident_party_id: string }>(
        "SELECT status, resident_party_id::text FROM questions WHERE id = $1",
        [questionId],
      );
      assert.equal(question?.status, "resolved");

      await evaluateResidentSignals(
        { db: ctx.database.db, clock: () => new Date() },
        { tenantId: ctx.tenant.tenantId, partyIds: [question?.resident_party_id ?? ""] },
      );
      const signals = await ctx.database.query<{
        key: string;
        rule_version: number;
        evidence: { details: { source: string } };
      }>("SELECT key, rule_version, evidence FROM signals WHERE rule_id = 'reopened'");
      assert.deepEqual(
        signals.map((s) => [s.key, s.evidence.details.source]),
        [[`question:${questionId}`, "status-change"]],
      );
    });

    it("puts a question waiting on the resident back to open on their contact, and records it", async () => {
      const { questionId } = await ctx.ingest({ topicId: "afval", occurredAt: daysAgo(4).toISOString() });
      await setStatus(questionId, "waiting-on-resident");
      const reply = await ctx.ingest({ questionId, occurredAt: new Date().toISOString() });
      assert.deepEqual(
        (await history(questionId)).map((r) => [r.from_status, r.to_status, r.interaction_id]),
        [
          ["open", "waiting-on-resident", null],
          ["waiting-on-resident", "open", reply.interactionId],
        ],
      );
    });

    it("writes nothing when the status stays the same", async () => {
      const { questionId } = await ctx.ingest({ topicId: "parkeren", occurredAt: daysAgo(3).toISOString() });
      await ctx.ingest({ questionId, occurredAt: daysAgo(2).toISOString() });
      await setStatus(questionId, "open");
      await setStatus(questionId, "resolved");
      const response = await ctx.system.post("/api/v1/interactions", {
        channel: "email",
        externalId: "statushistorie-answer",
        direction: "outbound",
        questionId,
        text: "Hierbij ons antwoord.",
        sender: { identifiers: [{ kind: "email", value: "historie@voorbeeld.test" }] },
      });
      assert.equal(response.status, 201, await response.clone().text());
      assert.deepEqual(
        (await history(questionId)).map((r) => [r.from_status, r.to_status]),
        [["open", "resolved"]],
        "a second contact on an open question, the same status again and an outbound contact add no row",
      );
    });

    it("records a merged-away question becoming resolved (merge, and moving its last contact)", async () => {
      const surviving = await ctx.ingest({ topicId: "belastingen" });
      const merged = await ctx.ingest({ topicId: "kwijtschelding" });
      const response = await ctx.agent.post(`/api/v1/questions/${surviving.questionId}/_merge`, {
        mergedQuestionId: merged.questionId,
        reason: "Eén behoefte",
      });
      assert.equal(response.status, 200, await response.clone().text());
      assert.deepEqual(
        (await history(merged.questionId)).map((r) => [r.from_status, r.to_status, r.employee_id]),
        [["open", "resolved", await agentId()]],
      );
      assert.deepEqual(await history(surviving.questionId), []);

      const left = await ctx.ingest({ topicId: "afval" });
      const moved = await ctx.agent.post(`/api/v1/interactions/${left.interactionId}/_move`, {
        targetQuestionId: surviving.questionId,
        reason: "Hoort bij de andere vraag",
      });
      assert.equal(moved.status, 200, await moved.clone().text());
      assert.deepEqual(
        (await history(left.questionId)).map((r) => [r.from_status, r.to_status]),
        [["open", "resolved"]],
        "a question left without contacts is merged into the target",
      );
    });

    it("migration 0015 backfills employees' status changes from the audit log", async () => {
      const { questionId } = await ctx.ingest({ topicId: "afval" });
      const employeeId = await agentId();
      const at = daysAgo(1);
      await ctx.database.query(
        `INSERT INTO audit_events (tenant_id, at, actor_type, actor_id, action, purpose, object_type, object_ids, details)
         VALUES ($1, $2, 'employee', $3, 'question.change', 'contact-handling', 'question', ARRAY[$4],
                 '{"fromStatus": "open", "toStatus": "waiting-on-resident"}'),
                ($1, $2, 'token', 'x', 'question.change', 'contact-handling', 'question', ARRAY[$4],
                 '{"fromStatus": "open", "toStatus": "open", "fromTopicId": "afval", "toTopicId": "parkeren"}')`,
        [ctx.tenant.tenantId, at, employeeId, questionId],
      );
      const migration = listMigrations().find((m) => m.tag === "0015_question_status_changes");
      const backfill = migration?.statements.find((s) => s.includes('INSERT INTO "question_status_changes"'));
      assert.ok(backfill);
      await ctx.database.query(backfill);
      const rows = await history(questionId);
      assert.deepEqual(
        rows.map((r) => [r.from_status, r.to_status, r.employee_id, r.interaction_id, r.at.toISOString()]),
        [["open", "waiting-on-resident", employeeId, null, at.toISOString()]],
      );
    });
  });
}
