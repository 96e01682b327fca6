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

const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF").toString("base64");

for (const backend of testBackends()) {
  describe(`counter visits and letters (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let agent: Client;
    let system: Client;

    before(async () => {
      database = await backend.open();
      const app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "balie");
      agent = await logInAs(app, "agent@balie.test");
      system = client(app, { token: tenant.token });
    });
    after(() => database.drop());

    it("registers a counter visit; an ID check verifies the BSN with who checked it", async () => {
      const response = await agent.post("/api/v1/counter-visits", {
        resident: {
          identifiers: [
            { kind: "bsn", value: "249566758" },
            { kind: "email", value: "balie@voorbeeld.test" },
          ],
          name: { givenName: "Eva", familyName: "Smit" },
        },
        idChecked: true,
        text: "Paspoort aangevraagd; vraagt ook naar parkeervergunning.",
        topicId: "reisdocumenten",
      });
      assert.equal(response.status, 201);
      const result = (await response.json()) as IngestResult & { verified: boolean };
      assert.equal(result.verified, true);
      const [party] = await database.query<{ identity_level: string }>(
        "SELECT identity_level FROM parties WHERE id = $1",
        [result.partyId],
      );
      assert.equal(party?.identity_level, "verified");
      const [bsn] = await database.query<{ verification: string; verified_by_employee_id: string }>(
        "SELECT verification, verified_by_employee_id FROM party_identifiers WHERE party_id = $1 AND kind = 'bsn'",
        [result.partyId],
      );
      assert.deepEqual(bsn, { verification: "counter-id-check", verified_by_employee_id: tenant.agentId });
      const [interaction] = await database.query<{ channel: string; employee_id: string }>(
        "SELECT channel, employee_id FROM interactions WHERE id = $1",
        [result.interactionId],
      );
      assert.deepEqual(interaction, { channel: "counter", employee_id: tenant.agentId });
    });

    it("refuses an ID check without a BSN, and a system token", async () => {
      const noBsn = await agent.post("/api/v1/counter-visits", {
        resident: { identifiers: [{ kind: "phone", value: "0612121212" }] },
        idChecked: true,
        text: "x",
      });
      assert.equal(noBsn.status, 400);
      const bySystem = await system.post("/api/v1/counter-visits", {
        resident: { identifiers: [] },
        text: "x",
      });
      assert.equal(bySystem.status, 403);
    });

    it("registers a scanned letter with its PDF on a question, once", async () => {
      const first = (await (
        await system.post("/api/v1/interactions", {
          channel: "email",
          externalId: "brief-vooraf",
          text: "Vraag",
          topicId: "belastingen",
          sender: { identifiers: [{ kind: "email", value: "brief@voorbeeld.test" }] },
        })
      ).json()) as IngestResult;
      const letter = {
        sender: { identifiers: [{ kind: "email", value: "brief@voorbeeld.test" }] },
        text: "Bezwaar tegen de aanslag",
        questionId: first.questionId,
        pdf: { fileName: "scan 12-03.pdf", contentBase64: pdf },
      };
      const response = await agent.post("/api/v1/letters", letter);
      assert.equal(response.status, 201);
      const result = (await response.json()) as IngestResult;
      assert.equal(result.questionId, first.questionId);
      const [attachment] = await database.query<{ content_type: string; file_name: string }>(
        "SELECT content_type, file_name FROM attachments WHERE interaction_id = $1",
        [result.interactionId],
      );
      assert.deepEqual(attachment, { content_type: "application/pdf", file_name: "scan 12-03.pdf" });
      const again = (await (await agent.post("/api/v1/letters", letter)).json()) as IngestResult;
      assert.equal(again.interactionId, result.interactionId, "the same scan registered twice is one letter");
      const notPdf = await agent.post("/api/v1/letters", {
        ...letter,
        pdf: { fileName: "x.pdf", contentBase64: Buffer.from("hallo").toString("base64") },
      });
      assert.equal(notPdf.status, 400);
    });
  });
}
