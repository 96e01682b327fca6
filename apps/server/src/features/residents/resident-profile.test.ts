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
  TEST_PASSWORD,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { createEmployee } from "../accounts";
import type { ResidentProfile } from "./get-resident-profile";

for (const backend of testBackends()) {
  describe(`resident profile: identity, representatives, open work, merges, audit (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let tenant: TestTenant;
    let system: Client;
    let agent: Client;

    const ingest = async (body: Record<string, unknown>) =>
      (await (
        await system.post("/api/v1/interactions", { channel: "email", text: "Hallo", ...body })
      ).json()) as IngestResult;
    const profileOf = async (who: Client, partyId: string | null) =>
      (await (await who.get(`/api/v1/residents/${partyId}`)).json()) as ResidentProfile;

    before(async () => {
      database = await backend.open();
      app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "profiel");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@profiel.test");
    });
    after(() => database.drop());

    it("shows identifiers with how they were verified, representatives, open questions and tasks", async () => {
      const contact = await ingest({
        externalId: "p-1",
        topicId: "afval",
        sender: {
          identifiers: [{ kind: "email", value: "truus@voorbeeld.test" }],
          name: { givenName: "Truus", familyName: "Bos" },
        },
      });
      await database.query(
        "INSERT INTO party_identifiers (tenant_id, party_id, kind, value, verification, verified_at, verified_by_employee_id) VALUES ($1, $2, 'bsn', '123456782', 'counter-id-check', '2026-02-01T10:00:00Z', $3)",
        [tenant.tenantId, contact.partyId, tenant.agentId],
      );
      const carer = await ingest({
        externalId: "p-2",
        channel: "phone",
        sender: {
          identifiers: [{ kind: "phone", value: "0611223344" }],
          name: { givenName: "Henk", familyName: "Bos" },
        },
      });
      await database.query(
        "INSERT INTO representations (tenant_id, representative_party_id, represented_party_id, kind, valid_from) VALUES ($1, $2, $3, 'informal-carer', '2026-01-01T00:00:00Z')",
        [tenant.tenantId, carer.partyId, contact.partyId],
      );
      await database.query(
        "INSERT INTO preferences (party_id, tenant_id, preferred_channel, language, needs) VALUES ($1, $2, 'letter', 'nl', '{easy-language}')",
        [contact.partyId, tenant.tenantId],
      );
      await database.query(
        "INSERT INTO consents (tenant_id, party_id, purpose, given, recorded_at, source) VALUES ($1, $2, 'satisfaction-survey', true, '2026-01-01T00:00:00Z', 'portal'), ($1, $2, 'satisfaction-survey', false, '2026-02-01T00:00:00Z', 'phone')",
        [tenant.tenantId, contact.partyId],
      );
      const task = await agent.post(`/api/v1/questions/${contact.questionId}/tasks`, {
        kind: "back-office",
        description: "Container omruilen",
        dueAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
      assert.equal(task.status, 201, await task.clone().text());

      const response = await agent.get(`/api/v1/residents/${contact.partyId}`);
      assert.equal(response.status, 200, await response.clone().text());
      const profile = (await response.json()) as ResidentProfile;
      assert.equal(profile.displayName, "Truus Bos");
      const bsn = profile.identifiers.find((i) => i.kind === "bsn");
      assert.deepEqual(
        [bsn?.value, bsn?.masked, bsn?.verified, bsn?.verification, bsn?.verifiedAt, bsn?.verifiedBy],
        ["******782", true, true, "counter-id-check", "2026-02-01T10:00:00.000Z", "Anna Agent"],
      );
      const email = profile.identifiers.find((i) => i.kind === "email");
      assert.deepEqual([email?.verified, email?.verification], [false, "asserted-by-channel"]);
      assert.deepEqual(
        profile.representedBy.map((r) => [r.partyId, r.displayName, r.basis, r.current]),
        [[carer.partyId, "Henk Bos", "informal-carer", true]],
      );
      assert.deepEqual(profile.preferences?.needs, ["easy-language"]);
      assert.deepEqual(
        profile.consents.map((c) => [c.purpose, c.granted]),
        [["satisfaction-survey", false]],
        "the latest decision per purpose",
      );
      assert.deepEqual(
        profile.openQuestions.map((q) => q.reference),
        [contact.questionReference],
      );
      assert.deepEqual(
        profile.openTasks.map((t) => [t.kind, t.questionReference, t.overdue]),
        [["back-office", contact.questionReference, true]],
      );
      const carerProfile = await profileOf(agent, carer.partyId);
      assert.deepEqual(
        carerProfile.represents.map((r) => r.partyId),
        [contact.partyId],
      );
    });

    it("shows the whole BSN to a privacy officer only", async () => {
      const contact = await ingest({
        externalId: "bsn-1",
        sender: { identifiers: [{ kind: "bsn", value: "111222333" }] },
      });
      await createEmployee(database.db, {
        tenantId: tenant.tenantId,
        name: "Pim Privacy",
        email: "privacy@profiel.test",
        roles: ["privacy-officer"],
        password: TEST_PASSWORD,
      });
      const officer = await logInAs(app, "privacy@profiel.test");
      const shown = (who: ResidentProfile) => who.identifiers.find((i) => i.kind === "bsn")?.value;
      assert.equal(shown(await profileOf(agent, contact.partyId)), "******333");
      assert.equal(shown(await profileOf(officer, contact.partyId)), "111222333");
    });

    it("lists a merge that can be undone, and no longer once it is undone", async () => {
      const a = await ingest({
        externalId: "m-1",
        sender: {
          identifiers: [{ kind: "email", value: "merge-a@voorbeeld.test" }],
          name: { givenName: "Mo", familyName: "Ali" },
        },
      });
      const b = await ingest({
        externalId: "m-2",
        channel: "whatsapp",
        sender: { identifiers: [{ kind: "whatsapp", value: "+31622223333" }] },
      });
      const merge = await agent.post("/api/v1/party-merges", {
        survivingPartyId: a.partyId,
        mergedPartyId: b.partyId,
        reason: "Zelfde persoon",
      });
      assert.equal(merge.status, 201);
      const { mergeId } = (await merge.json()) as { mergeId: string };
      const merged = await profileOf(agent, a.partyId);
      assert.deepEqual(
        merged.merges.map((m) => [m.mergeId, m.role, m.otherPartyId, m.reason]),
        [[mergeId, "absorbed", b.partyId, "Zelfde persoon"]],
      );
      assert.equal(merged.identifiers.length, 2, "the merged party's identifier moved along");
      assert.equal(merged.openQuestions.length, 2);
      const absorbed = await profileOf(agent, b.partyId);
      assert.deepEqual([absorbed.mergedIntoId, absorbed.merges[0]?.role], [a.partyId, "merged-into"]);
      await agent.post(`/api/v1/party-merges/${mergeId}/_undo`, { reason: "Toch niet" });
      assert.deepEqual((await profileOf(agent, a.partyId)).merges, []);
    });

    it("writes an audit event with the purpose for every profile read", async () => {
      const contact = await ingest({
        externalId: "audit-1",
        sender: { identifiers: [{ kind: "email", value: "audit@voorbeeld.test" }] },
      });
      const response = await agent.get(`/api/v1/residents/${contact.partyId}`, {
        "omniloket-purpose": "case-handling",
      });
      assert.equal(response.status, 200);
      const rows = await database.query<{ actor_id: string; purpose: string; party_ids: string[] }>(
        "SELECT actor_id, purpose, party_ids FROM audit_events WHERE action = 'resident.profile.read' ORDER BY id",
      );
      const last = rows.at(-1);
      assert.deepEqual(
        [last?.actor_id, last?.purpose, last?.party_ids],
        [tenant.agentId, "case-handling", [contact.partyId]],
      );
    });

    it("hides a confidential question of another team, and counts it", async () => {
      const contact = await ingest({
        externalId: "ntk-1",
        topicId: "jeugd",
        sender: { identifiers: [{ kind: "email", value: "gezin@voorbeeld.test" }] },
      });
      await database.query("UPDATE questions SET confidential = true, team_id = $2 WHERE id = $1", [
        contact.questionId,
        tenant.teams.youth,
      ]);
      const seen = await profileOf(agent, contact.partyId);
      assert.deepEqual([seen.openQuestions, seen.hiddenQuestionCount], [[], 1]);
      const youthAgent = await logInAs(app, "jeugd@profiel.test");
      const allowed = await profileOf(youthAgent, contact.partyId);
      assert.deepEqual(
        allowed.openQuestions.map((q) => q.id),
        [contact.questionId],
      );
    });

    it("answers 404 for an unknown party and for another municipality's party", async () => {
      const other = await createTestTenant(database, "elders");
      const theirs = (await (
        await client(app, { token: other.token }).post("/api/v1/interactions", {
          channel: "email",
          externalId: "elders-1",
          text: "Hallo",
          sender: { identifiers: [{ kind: "email", value: "elders@voorbeeld.test" }] },
        })
      ).json()) as IngestResult;
      assert.equal((await agent.get(`/api/v1/residents/${theirs.partyId}`)).status, 404);
      assert.equal((await agent.get("/api/v1/residents/00000000-0000-4000-8000-000000000000")).status, 404);
    });
  });
}
