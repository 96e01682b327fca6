import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import {
  type Client,
  client,
  createTestTenant,
  logInAs,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import type { TimelineItem } from "./get-resident-timeline";

type Timeline = { items: TimelineItem[]; hiddenCount: number; nextCursor: string | null };

async function auditRows(database: Database, action: string) {
  return database.query<{ actor_id: string; purpose: string; party_ids: string[]; action: string }>(
    "SELECT actor_id, purpose, party_ids, action FROM audit_events WHERE action = $1 ORDER BY id",
    [action],
  );
}

for (const backend of testBackends()) {
  describe(`residents: timeline, search, audit and need-to-know (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let tenant: TestTenant;
    let system: Client;
    let agent: Client;
    let youthAgent: Client;

    const ingest = async (body: Record<string, unknown>) =>
      (await (
        await system.post("/api/v1/interactions", { channel: "email", text: "Hallo", ...body })
      ).json()) as IngestResult;

    before(async () => {
      database = await backend.open();
      app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "residents");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@residents.test");
      youthAgent = await logInAs(app, "jeugd@residents.test");
    });
    after(() => database.drop());

    it("shows a resident's contacts from every channel newest first, paged by cursor", async () => {
      const sender = {
        identifiers: [
          { kind: "email", value: "marie@voorbeeld.test" },
          { kind: "phone", value: "0612345670" },
        ],
      };
      const first = await ingest({
        externalId: "tl-1",
        sender,
        topicId: "afval",
        occurredAt: "2026-03-01T09:00:00Z",
      });
      await ingest({
        channel: "phone",
        externalId: "tl-2",
        sender: { identifiers: [{ kind: "phone", value: "+31 6 12345670" }] },
        topicId: "afval",
        occurredAt: "2026-03-02T09:00:00Z",
        questionId: first.questionId,
      });
      await ingest({
        channel: "whatsapp",
        externalId: "tl-3",
        sender,
        topicId: "parkeren",
        occurredAt: "2026-03-03T09:00:00Z",
      });

      const page1 = (await (
        await agent.get(`/api/v1/residents/${first.partyId}/timeline?limit=2`)
      ).json()) as Timeline;
      const interactions1 = page1.items.filter((i) => i.kind === "interaction");
      assert.deepEqual(
        interactions1.map((i) => i.kind === "interaction" && i.channel),
        ["whatsapp", "phone"],
      );
      assert.ok(page1.nextCursor);
      const page2 = (await (
        await agent.get(`/api/v1/residents/${first.partyId}/timeline?limit=2&cursor=${page1.nextCursor}`)
      ).json()) as Timeline;
      const interactions2 = page2.items.filter((i) => i.kind === "interaction");
      assert.deepEqual(
        interactions2.map((i) => i.kind === "interaction" && i.channel),
        ["email"],
      );
      assert.equal(page2.nextCursor, null);
      const opened = [...page1.items, ...page2.items].filter((i) => i.kind === "question-opened");
      assert.equal(opened.length, 2, "both questions appear once across the pages");
    });

    it("writes an audit event with purpose and party for every timeline read", async () => {
      const contact = await ingest({
        externalId: "audit-1",
        sender: { identifiers: [{ kind: "email", value: "audit@voorbeeld.test" }] },
      });
      const response = await agent.get(`/api/v1/residents/${contact.partyId}/timeline`, {
        "omniloket-purpose": "quality-supervision",
      });
      assert.equal(response.status, 200);
      const rows = await auditRows(database, "timeline.read");
      const last = rows.at(-1);
      assert.equal(last?.actor_id, tenant.agentId);
      assert.equal(last?.purpose, "quality-supervision");
      assert.deepEqual(last?.party_ids, [contact.partyId]);
    });

    it("rejects a purpose the route does not serve", async () => {
      const contact = await ingest({
        externalId: "audit-2",
        sender: { identifiers: [{ kind: "email", value: "audit2@voorbeeld.test" }] },
      });
      const response = await agent.get(`/api/v1/residents/${contact.partyId}/timeline`, {
        "omniloket-purpose": "marketing",
      });
      assert.equal(response.status, 400);
    });

    it("logs every party a search returns (list reads are reads) and keeps terms out of the URL", async () => {
      await ingest({
        externalId: "s-1",
        sender: {
          identifiers: [{ kind: "email", value: "s1@voorbeeld.test" }],
          name: { givenName: "Sanne", familyName: "Zoekers" },
        },
      });
      await ingest({
        externalId: "s-2",
        sender: {
          identifiers: [{ kind: "email", value: "s2@voorbeeld.test" }],
          name: { givenName: "Sem", familyName: "Zoekers" },
        },
      });
      const response = await agent.post("/api/v1/residents/_search", { name: "zoekers" });
      assert.equal(response.status, 200);
      const { items } = (await response.json()) as { items: Array<{ id: string }> };
      assert.equal(items.length, 2);
      const last = (await auditRows(database, "residents.search")).at(-1);
      assert.deepEqual([...(last?.party_ids ?? [])].sort(), items.map((i) => i.id).sort());

      const byPhone = (await (
        await agent.post("/api/v1/residents/_search", { email: "s1@VOORBEELD.Test" })
      ).json()) as { items: Array<{ id: string }> };
      assert.equal(byPhone.items.length, 1);
    });

    it("puts a guardian's contact in the represented resident's timeline", async () => {
      const child = {
        identifiers: [{ kind: "bsn", value: "111222333" }],
        name: { givenName: "Kim", familyName: "de Vries" },
      };
      const contact = await ingest({
        externalId: "rep-1",
        sender: { identifiers: [{ kind: "email", value: "ouder@voorbeeld.test" }] },
        actingFor: { ...child, relation: "parent" },
        topicId: "onderwijs",
      });
      const [childParty] = await database.query<{ party_id: string }>(
        "SELECT party_id FROM party_identifiers WHERE kind = 'bsn' AND value = '111222333'",
      );
      assert.equal(contact.partyId, childParty?.party_id);
      const timeline = (await (
        await agent.get(`/api/v1/residents/${childParty?.party_id}/timeline`)
      ).json()) as Timeline;
      const item = timeline.items.find((i) => i.kind === "interaction");
      assert.equal(item?.kind === "interaction" && item.role, "representative");
      const [parent] = await database.query<{ party_id: string }>(
        "SELECT party_id FROM party_identifiers WHERE value = 'ouder@voorbeeld.test'",
      );
      const parentTimeline = (await (
        await agent.get(`/api/v1/residents/${parent?.party_id}/timeline`)
      ).json()) as Timeline;
      assert.equal(parentTimeline.items.length, 0, "the contact is the child's, not the parent's own");
    });

    it("finds the represented resident through a registered representation when the channel only has a name", async () => {
      const carer = await ingest({
        externalId: "rep-carer-1",
        sender: { identifiers: [{ kind: "phone", value: "0611223344" }] },
      });
      const mother = await ingest({
        externalId: "rep-mother-1",
        sender: {
          identifiers: [{ kind: "email", value: "moeder@voorbeeld.test" }],
          name: { givenName: "Truus", familyName: "Bos" },
        },
      });
      await database.query(
        "INSERT INTO representations (tenant_id, representative_party_id, represented_party_id, kind) VALUES ($1, $2, $3, 'informal-carer')",
        [tenant.tenantId, carer.partyId, mother.partyId],
      );
      const call = await ingest({
        channel: "phone",
        externalId: "rep-call-1",
        sender: { identifiers: [{ kind: "phone", value: "+31611223344" }] },
        actingFor: { name: { givenName: "Truus", familyName: "Bos" }, relation: "informal-carer" },
      });
      assert.equal(call.partyId, mother.partyId);
      const invalid = await system.post("/api/v1/interactions", {
        channel: "phone",
        externalId: "rep-call-2",
        text: "x",
        sender: { identifiers: [{ kind: "phone", value: "+31611223344" }] },
        actingFor: { relation: "other" },
      });
      assert.equal(invalid.status, 400);
    });

    it("keeps a youth question from an agent outside the youth team (need to know)", async () => {
      const contact = await ingest({
        externalId: "ntk-1",
        topicId: "jeugd",
        text: "Vraag over jeugdhulp",
        sender: { identifiers: [{ kind: "email", value: "gezin@voorbeeld.test" }] },
      });
      const denied = await agent.get(`/api/v1/questions/${contact.questionId}`);
      assert.equal(denied.status, 404, "not 403: its existence is not revealed");
      const allowed = await youthAgent.get(`/api/v1/questions/${contact.questionId}`);
      assert.equal(allowed.status, 200);
      const timeline = (await (
        await agent.get(`/api/v1/residents/${contact.partyId}/timeline`)
      ).json()) as Timeline;
      assert.equal(timeline.items.length, 0);
      assert.equal(timeline.hiddenCount, 1);
    });

    it("keeps municipalities strictly apart", async () => {
      const other = await createTestTenant(database, "anderstad");
      const otherSystem = client(app, { token: other.token });
      const theirs = (await (
        await otherSystem.post("/api/v1/interactions", {
          channel: "email",
          externalId: "tenant-1",
          text: "Hallo",
          sender: { identifiers: [{ kind: "email", value: "marie@voorbeeld.test" }] },
        })
      ).json()) as IngestResult;
      const ours = await ingest({
        externalId: "tenant-1",
        sender: { identifiers: [{ kind: "email", value: "marie@voorbeeld.test" }] },
      });
      assert.notEqual(
        theirs.partyId,
        ours.partyId,
        "the same address is a different party in another municipality",
      );
      assert.notEqual(
        theirs.interactionId,
        ours.interactionId,
        "the same external id is a different contact in another municipality",
      );
      assert.equal((await agent.get(`/api/v1/questions/${theirs.questionId}`)).status, 404);
      assert.equal((await agent.get(`/api/v1/residents/${theirs.partyId}/timeline`)).status, 404);
      const search = (await (
        await agent.post("/api/v1/residents/_search", { email: "marie@voorbeeld.test" })
      ).json()) as { items: Array<{ id: string }> };
      assert.deepEqual(
        search.items.map((i) => i.id),
        [ours.partyId],
      );
    });
  });
}
