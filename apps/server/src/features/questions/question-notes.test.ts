import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { agentTestContext } from "../../test-support/agent-test-context";
import { testBackends } from "../../test-support/backends";

type Note = { id: string; text: string; authorName: string | null; employeeId: string };
type Problem = { status: number; detail: string; invalidParams?: Array<{ name: string }> };

for (const backend of testBackends()) {
  describe(`internal notes on a question (${backend.name})`, () => {
    const ctx = agentTestContext(backend, "notes", {
      externalIdPrefix: "note",
      text: "Hallo",
      senderEmail: "notitie@voorbeeld.test",
    });
    const noteCount = async (questionId: string) =>
      Number(
        (
          await ctx.database.query<{ n: string }>(
            "SELECT count(*)::text AS n FROM question_notes WHERE question_id = $1",
            [questionId],
          )
        )[0]?.n,
      );

    it("adds a note, shows it in the question with its author, and tells live streams", async () => {
      const question = await ctx.ingest({ topicId: "afval" });
      const response = await ctx.agent.post(`/api/v1/questions/${question.questionId}/notes`, {
        text: "  Inwoner belt vaak; graag eerst de wijkbeheerder vragen.  ",
      });
      assert.equal(response.status, 201, await response.clone().text());
      const note = (await response.json()) as Note;
      assert.equal(note.text, "Inwoner belt vaak; graag eerst de wijkbeheerder vragen.");
      assert.equal(note.authorName, "Anna Agent");

      const view = (await (await ctx.agent.get(`/api/v1/questions/${question.questionId}`)).json()) as {
        notes: Note[];
        interactions: Array<{ text: string }>;
      };
      assert.deepEqual(
        view.notes.map((x) => [x.id, x.text, x.authorName]),
        [[note.id, note.text, "Anna Agent"]],
      );
      assert.ok(
        view.interactions.every((i) => !i.text.includes("wijkbeheerder")),
        "a note is not a contact",
      );
      const [event] = await ctx.database.query<{ question_id: string }>(
        "SELECT payload->>'questionId' AS question_id FROM outbox WHERE type = 'question.changed' ORDER BY id DESC LIMIT 1",
      );
      assert.equal(event?.question_id, question.questionId);
      const [audit] = await ctx.database.query<{ purpose: string }>(
        "SELECT purpose FROM audit_events WHERE action = 'question.note' AND $1 = ANY(object_ids)",
        [question.questionId],
      );
      assert.equal(audit?.purpose, "contact-handling");
    });

    it("hides a youth question from an agent outside the youth team (404), and lets the youth team add notes", async () => {
      const youth = await ctx.ingest({ topicId: "jeugd" });
      const denied = await ctx.agent.post(`/api/v1/questions/${youth.questionId}/notes`, {
        text: "Mag ik dit zien?",
      });
      assert.equal(denied.status, 404);
      assert.match(denied.headers.get("content-type") ?? "", /problem\+json/);
      assert.equal(await noteCount(youth.questionId), 0);
      const allowed = await ctx.youthAgent.post(`/api/v1/questions/${youth.questionId}/notes`, {
        text: "Gezien.",
      });
      assert.equal(allowed.status, 201);
    });

    it("refuses an empty note with invalidParams and writes nothing", async () => {
      const question = await ctx.ingest({ topicId: "afval" });
      for (const body of [{ text: "   " }, {}, { text: "x".repeat(5001) }]) {
        const response = await ctx.agent.post(`/api/v1/questions/${question.questionId}/notes`, body);
        assert.equal(response.status, 400);
        const problem = (await response.json()) as Problem;
        assert.deepEqual(
          problem.invalidParams?.map((p) => p.name),
          ["text"],
        );
      }
      assert.equal(await noteCount(question.questionId), 0);
    });

    it("is for employees only: a system token may not add notes", async () => {
      const question = await ctx.ingest({ topicId: "afval" });
      const response = await ctx.system.post(`/api/v1/questions/${question.questionId}/notes`, {
        text: "Systeem",
      });
      assert.equal(response.status, 403);
      assert.equal(await noteCount(question.questionId), 0);
    });
  });
}
