import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { agentTestContext } from "../../test-support/agent-test-context";
import { testBackends } from "../../test-support/backends";
import type { Client } from "../../test-support/harness";

type Attachment = { id: string; filename: string; contentType: string; size: number; quarantined: boolean };
type QuestionView = { interactions: Array<{ id: string; attachments: Attachment[] }> };

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const file = (fileName: string, contentType: string, bytes: Buffer) => ({
  fileName,
  contentType,
  contentBase64: bytes.toString("base64"),
});

for (const backend of testBackends()) {
  describe(`attachments, served safely (${backend.name})`, () => {
    const ctx = agentTestContext(backend, "bijlagen", {
      externalIdPrefix: "attachment",
      text: "Zie bijlage",
      senderEmail: "bijlage@voorbeeld.test",
    });
    const attachmentsOf = async (as: Client, questionId: string) => {
      const view = (await (await as.get(`/api/v1/questions/${questionId}`)).json()) as QuestionView;
      return view.interactions.flatMap((i) => i.attachments);
    };

    it("lists attachments per contact and serves them with safe headers, audit-logged", async () => {
      const question = await ctx.ingest({
        topicId: "afval",
        attachments: [
          file("foto container.png", "image/png", PNG),
          file(
            "brief.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer.from("docx"),
          ),
          file("virus.exe", "application/octet-stream", Buffer.from("MZ")),
        ],
      });
      const attachments = await attachmentsOf(ctx.agent, question.questionId);
      assert.deepEqual(
        attachments.map((a) => [a.filename, a.size, a.quarantined]),
        [
          ["brief.docx", 4, false],
          ["foto container.png", PNG.byteLength, false],
          ["virus.exe", 2, true],
        ],
        "by file name within a contact",
      );
      const [letter, photo, virus] = attachments;

      const image = await ctx.agent.get(`/api/v1/attachments/${photo?.id}`);
      assert.equal(image.status, 200);
      assert.equal(image.headers.get("content-type"), "image/png");
      assert.equal(image.headers.get("x-content-type-options"), "nosniff");
      assert.match(image.headers.get("content-security-policy") ?? "", /^sandbox/);
      assert.match(image.headers.get("content-disposition") ?? "", /^inline; filename="foto container.png"/);
      assert.deepEqual(Buffer.from(await image.arrayBuffer()), PNG);

      const download = await ctx.agent.get(`/api/v1/attachments/${letter?.id}`);
      assert.equal(download.status, 200);
      assert.match(download.headers.get("content-disposition") ?? "", /^attachment; filename="brief.docx"/);
      assert.match(download.headers.get("content-security-policy") ?? "", /sandbox/);
      assert.equal(await download.text(), "docx");

      const audits = await ctx.database.query<{ purpose: string; object_ids: string[] }>(
        "SELECT purpose, object_ids FROM audit_events WHERE action = 'attachment.read' ORDER BY at",
      );
      assert.deepEqual(
        audits.map((a) => [a.purpose, a.object_ids[0]]),
        [
          ["contact-handling", photo?.id],
          ["contact-handling", letter?.id],
        ],
      );

      const quarantined = await ctx.agent.get(`/api/v1/attachments/${virus?.id}`);
      assert.equal(quarantined.status, 404);
      assert.match(quarantined.headers.get("content-type") ?? "", /problem\+json/);
    });

    it("hides an attachment on another team's confidential question (404), and serves it to that team", async () => {
      const question = await ctx.ingest({
        topicId: "jeugd",
        confidential: true,
        attachments: [file("rapport.pdf", "application/pdf", Buffer.from("%PDF-1.4"))],
      });
      const [report] = await attachmentsOf(ctx.youthAgent, question.questionId);
      assert.ok(report);
      const before = await ctx.database.query("SELECT 1 FROM audit_events WHERE action = 'attachment.read'");
      const denied = await ctx.agent.get(`/api/v1/attachments/${report.id}`);
      assert.equal(denied.status, 404);
      const afterDenied = await ctx.database.query(
        "SELECT 1 FROM audit_events WHERE action = 'attachment.read'",
      );
      assert.equal(afterDenied.length, before.length, "a refused read is not logged as a read");
      const allowed = await ctx.youthAgent.get(`/api/v1/attachments/${report.id}`, {
        "omniloket-purpose": "case-handling",
      });
      assert.equal(allowed.status, 200);
      assert.match(allowed.headers.get("content-disposition") ?? "", /^inline/);
      const [audit] = await ctx.database.query<{ purpose: string }>(
        "SELECT purpose FROM audit_events WHERE action = 'attachment.read' AND $1 = ANY(object_ids)",
        [report.id],
      );
      assert.equal(audit?.purpose, "case-handling");
      assert.equal(
        (await ctx.agent.get("/api/v1/attachments/00000000-0000-4000-8000-000000000000")).status,
        404,
      );
    });
  });
}
