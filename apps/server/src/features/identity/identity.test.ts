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

type Snapshot = { identifiers: string[]; questions: string[]; timeline: string[] };

for (const backend of testBackends()) {
  describe(`merge, join-to-verified and unmerge (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let system: Client;
    let agent: Client;

    const ingest = async (body: Record<string, unknown>) =>
      (await (
        await system.post("/api/v1/interactions", { channel: "email", text: "Hallo", ...body })
      ).json()) as IngestResult;

    async function snapshot(partyId: string): Promise<Snapshot> {
      const ids = async (text: string) =>
        (await database.query<{ id: string }>(text, [partyId])).map((r) => r.id).sort();
      return {
        identifiers: await ids("SELECT id FROM party_identifiers WHERE party_id = $1"),
        questions: await ids("SELECT id FROM questions WHERE resident_party_id = $1"),
        timeline: await ids("SELECT id FROM interaction_parties WHERE timeline_party_id = $1"),
      };
    }

    before(async () => {
      database = await backend.open();
      const app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "identity");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@identity.test");
    });
    after(() => database.drop());

    it("merges two address-based parties and unmerges them back exactly", async () => {
      const byEmail = await ingest({
        externalId: "m-1",
        sender: { identifiers: [{ kind: "email", value: "fatima@voorbeeld.test" }] },
      });
      const byPhone = await ingest({
        channel: "whatsapp",
        externalId: "m-2",
        sender: { identifiers: [{ kind: "whatsapp", value: "+31611112222" }] },
      });
      const survivorId = byEmail.partyId as string;
      const mergedId = byPhone.partyId as string;
      const before = { survivor: await snapshot(survivorId), merged: await snapshot(mergedId) };

      const merge = await agent.post("/api/v1/party-merges", {
        survivingPartyId: survivorId,
        mergedPartyId: mergedId,
        reason: "Zelfde persoon, bevestigd aan de telefoon",
      });
      assert.equal(merge.status, 201);
      const { mergeId } = (await merge.json()) as { mergeId: string };
      const merged = await snapshot(survivorId);
      assert.deepEqual(
        merged.identifiers,
        [...before.survivor.identifiers, ...before.merged.identifiers].sort(),
      );
      assert.deepEqual(merged.timeline, [...before.survivor.timeline, ...before.merged.timeline].sort());
      assert.deepEqual(await snapshot(mergedId), { identifiers: [], questions: [], timeline: [] });

      // A contact on the merged address after the merge lands with the survivor, and stays there on unmerge.
      const later = await ingest({
        channel: "whatsapp",
        externalId: "m-3",
        sender: { identifiers: [{ kind: "whatsapp", value: "+31611112222" }] },
      });
      assert.equal(later.partyId, survivorId);

      const undo = await agent.post(`/api/v1/party-merges/${mergeId}/_undo`, {
        reason: "Toch twee personen",
      });
      assert.equal(undo.status, 200);
      assert.deepEqual((await snapshot(mergedId)).questions, before.merged.questions);
      assert.deepEqual((await snapshot(mergedId)).identifiers, before.merged.identifiers);
      assert.deepEqual((await snapshot(mergedId)).timeline, before.merged.timeline);
      const survivorAfter = await snapshot(survivorId);
      assert.ok(before.survivor.identifiers.every((id) => survivorAfter.identifiers.includes(id)));
      assert.equal(
        (await agent.post(`/api/v1/party-merges/${mergeId}/_undo`, { reason: "nog eens" })).status,
        409,
      );

      const actions = await database.query<{ action: string }>(
        "SELECT action FROM audit_events WHERE action LIKE 'party.%' ORDER BY id",
      );
      assert.deepEqual(
        actions.map((a) => a.action),
        ["party.merge", "party.unmerge"],
      );
    });

    it("joins an address-based party to a verified person and undoes the join", async () => {
      const [verified] = await database.query<{ id: string }>(
        "INSERT INTO parties (tenant_id, kind, identity_level, display_name) VALUES ($1, 'person', 'verified', 'Geverifieerd') RETURNING id",
        [tenant.tenantId],
      );
      await database.query(
        "INSERT INTO party_identifiers (tenant_id, party_id, kind, value, verification) VALUES ($1, $2, 'bsn', '111222333', 'login')",
        [tenant.tenantId, verified?.id],
      );
      const addressBased = await ingest({
        externalId: "j-1",
        sender: { identifiers: [{ kind: "email", value: "join@voorbeeld.test" }] },
      });
      const join = await agent.post("/api/v1/party-merges", {
        kind: "join-verified",
        survivingPartyId: verified?.id,
        mergedPartyId: addressBased.partyId,
        reason: "Ingelogd met DigiD en bevestigd",
      });
      assert.equal(join.status, 201);
      const { mergeId } = (await join.json()) as { mergeId: string };
      const [question] = await database.query<{ resident_party_id: string }>(
        "SELECT resident_party_id FROM questions WHERE id = $1",
        [addressBased.questionId],
      );
      assert.equal(question?.resident_party_id, verified?.id);
      assert.equal(
        (await agent.post(`/api/v1/party-merges/${mergeId}/_undo`, { reason: "Verkeerde koppeling" })).status,
        200,
      );
      const [back] = await database.query<{ resident_party_id: string }>(
        "SELECT resident_party_id FROM questions WHERE id = $1",
        [addressBased.questionId],
      );
      assert.equal(back?.resident_party_id, addressBased.partyId);
    });

    it("suggests parties with the same name and postcode, with the reason, and logs the read", async () => {
      const person = {
        name: { givenName: "Sophie", familyName: "Bakker" },
        address: { postcode: "1234 ab", street: "Dorpsstraat", houseNumber: "12" },
      };
      const a = await ingest({
        externalId: "sg-1",
        sender: { ...person, identifiers: [{ kind: "email", value: "sophie@voorbeeld.test" }] },
      });
      const b = await ingest({
        externalId: "sg-2",
        channel: "phone",
        sender: { ...person, identifiers: [{ kind: "phone", value: "0687654321" }] },
      });
      await ingest({
        externalId: "sg-3",
        sender: {
          name: { givenName: "Bram", familyName: "Bakker" },
          address: { postcode: "9999 ZZ" },
          identifiers: [{ kind: "email", value: "bram@voorbeeld.test" }],
        },
      });
      const response = await agent.get(`/api/v1/residents/${a.partyId}/merge-suggestions`);
      assert.equal(response.status, 200);
      const { items } = (await response.json()) as { items: Array<{ partyId: string; reasons: string[] }> };
      assert.deepEqual(
        items.map((i) => i.partyId),
        [b.partyId],
      );
      assert.ok(items[0]?.reasons.includes("same-name-and-postcode"));
      const [audit] = await database.query<{ party_ids: string[] }>(
        "SELECT party_ids FROM audit_events WHERE action = 'merge-suggestions.read'",
      );
      assert.deepEqual([...(audit?.party_ids ?? [])].sort(), [a.partyId, b.partyId].sort());
    });

    it("refuses to join to a party that is not verified, and to merge two different BSNs", async () => {
      const a = await ingest({
        externalId: "r-1",
        sender: { identifiers: [{ kind: "email", value: "r1@voorbeeld.test" }] },
      });
      const b = await ingest({
        externalId: "r-2",
        sender: { identifiers: [{ kind: "email", value: "r2@voorbeeld.test" }] },
      });
      const notVerified = await agent.post("/api/v1/party-merges", {
        kind: "join-verified",
        survivingPartyId: a.partyId,
        mergedPartyId: b.partyId,
        reason: "test",
      });
      assert.equal(notVerified.status, 400);
      const c = await ingest({
        externalId: "r-3",
        sender: { identifiers: [{ kind: "bsn", value: "249566758" }] },
      });
      const d = await ingest({
        externalId: "r-4",
        sender: { identifiers: [{ kind: "bsn", value: "111222333" }] },
      });
      const conflict = await agent.post("/api/v1/party-merges", {
        survivingPartyId: c.partyId,
        mergedPartyId: d.partyId,
        reason: "test",
      });
      assert.equal(conflict.status, 409);
      const self = await agent.post("/api/v1/party-merges", {
        survivingPartyId: a.partyId,
        mergedPartyId: a.partyId,
        reason: "test",
      });
      assert.equal(self.status, 400);
    });
  });
}
