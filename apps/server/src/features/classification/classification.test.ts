import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { predict } from "@omniloket/domain";
import { agentTestContext } from "../../test-support/agent-test-context";
import { testBackends } from "../../test-support/backends";
import { classifyUnknownQuestions } from "./classify-unknown-questions";
import { questionClassification } from "./question-classification";
import { tenantTopicModel } from "./tenant-topic-model";

for (const backend of testBackends()) {
  describe(`learning topics from corrections, classifying unknown questions (${backend.name})`, () => {
    const ctx = agentTestContext(backend, "classify", {
      externalIdPrefix: "classify",
      text: "Hallo",
      senderEmail: "onderwerp@voorbeeld.test",
    });
    const deps = () => ({ db: ctx.database.db, clock: () => new Date() });

    it("keeps an employee's topic correction as an example and retrains the municipality's model", async () => {
      const before = await tenantTopicModel(ctx.database.db, ctx.tenant.tenantId);
      assert.equal(before.corrections, 0);
      assert.notEqual(predict(before.model, "zwembadpas zwembadpas").topicId, "overig");
      const question = await ctx.ingest({
        text: "Waar kan ik mijn zwembadpas verlengen? De zwembadpas is verlopen.",
      });
      const response = await ctx.agent.post(`/api/v1/questions/${question.questionId}/_change`, {
        topicId: "overig",
      });
      assert.equal(response.status, 200, await response.clone().text());
      const examples = await ctx.database.query<{
        text: string;
        topic_id: string;
        previous_topic_id: string | null;
      }>("SELECT text, topic_id, previous_topic_id FROM classifier_examples WHERE question_id = $1", [
        question.questionId,
      ]);
      assert.equal(examples.length, 1);
      assert.match(examples[0]?.text ?? "", /zwembadpas/);
      assert.deepEqual([examples[0]?.topic_id, examples[0]?.previous_topic_id], ["overig", null]);
      // A status change alone, or the same topic again, is no correction.
      await ctx.agent.post(`/api/v1/questions/${question.questionId}/_change`, { status: "resolved" });
      const after = await tenantTopicModel(ctx.database.db, ctx.tenant.tenantId);
      assert.equal(after.corrections, 1);
      assert.equal(after.model.examples, before.model.examples + 2);
      const prediction = predict(after.model, "zwembadpas kwijt");
      assert.equal(prediction.topicId, "overig");
      assert.ok(
        prediction.explanation.some((c) => c.word === "zwembadpas"),
        JSON.stringify(prediction),
      );
    });

    it("sets the topic of unknown questions with an explanation and leaves other languages unknown", async () => {
      const dutch = await ctx.ingest({
        text: "Mijn paspoort is gestolen en ik wil een nieuw paspoort aanvragen. Kan ik een afspraak maken?",
      });
      const english = await ctx.ingest({
        text: "Hello, my passport was stolen, what do I need to do to get a new one?",
      });
      const taxes = await ctx.ingest({
        text: "Ik maak bezwaar tegen de WOZ-waarde op mijn aanslag gemeentelijke belastingen.",
      });
      const result = await classifyUnknownQuestions(deps(), { tenantId: ctx.tenant.tenantId });
      assert.ok(result.classified >= 2, JSON.stringify(result));
      assert.ok(result.otherLanguage >= 1, JSON.stringify(result));
      const [passport] = await questionClassification(ctx.database.db, ctx.tenant.tenantId, dutch.questionId);
      assert.equal(passport?.topicId, "reisdocumenten");
      assert.equal(passport?.language, "nld");
      assert.ok(
        ((passport?.explanation ?? []) as Array<{ word: string }>).some((c) => c.word === "paspoort"),
        JSON.stringify(passport),
      );
      const [rows] = [
        await ctx.database.query<{ topic_id: string | null; team_id: string }>(
          "SELECT topic_id, team_id FROM questions WHERE id = $1",
          [taxes.questionId],
        ),
      ];
      assert.deepEqual([rows[0]?.topic_id, rows[0]?.team_id], ["belastingen", ctx.tenant.teams.taxes]);
      const [other] = await questionClassification(ctx.database.db, ctx.tenant.tenantId, english.questionId);
      assert.deepEqual([other?.topicId, other?.language, other?.reason], [null, "eng", "language"]);
      const audits = await ctx.database.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM audit_events WHERE action = 'question.classify' AND $1 = ANY(object_ids)",
        [taxes.questionId],
      );
      assert.equal(audits[0]?.n, "1");
      // A question with a decision is not examined again.
      const again = await classifyUnknownQuestions(deps(), { tenantId: ctx.tenant.tenantId });
      assert.equal(again.examined, 0);
    });

    it("sets the topic of a resolved question without moving it to another team", async () => {
      const resolved = await ctx.ingest({
        text: "Ik maak bezwaar tegen de aanslag gemeentelijke belastingen, de WOZ-waarde is te hoog.",
      });
      const open = await ctx.ingest({
        text: "Bezwaar tegen de WOZ-waarde op de aanslag gemeentelijke belastingen.",
      });
      const closing = await ctx.agent.post(`/api/v1/questions/${resolved.questionId}/_change`, {
        status: "resolved",
      });
      assert.equal(closing.status, 200, await closing.clone().text());
      const result = await classifyUnknownQuestions(deps(), { tenantId: ctx.tenant.tenantId });
      assert.equal(result.examined, 2, JSON.stringify(result));
      const rows = await ctx.database.query<{ id: string; topic_id: string | null; team_id: string }>(
        "SELECT id, topic_id, team_id FROM questions WHERE id = ANY($1::uuid[])",
        [[resolved.questionId, open.questionId]],
      );
      const byId = new Map(rows.map((row) => [row.id, [row.topic_id, row.team_id]]));
      assert.deepEqual(byId.get(resolved.questionId), ["belastingen", ctx.tenant.teams.general]);
      assert.deepEqual(byId.get(open.questionId), ["belastingen", ctx.tenant.teams.taxes]);
      const [decision] = await questionClassification(
        ctx.database.db,
        ctx.tenant.tenantId,
        resolved.questionId,
      );
      assert.equal(decision?.topicId, "belastingen");
    });
  });
}
