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
  logInAsAdmin,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { createEmployee } from "../accounts";
import type { QueueStats } from ".";

const NOW = new Date("2025-03-12T10:00:00.000Z");
const MIN = 60;

for (const backend of testBackends()) {
  describe(`supervision: queue depth and waiting time per channel (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let tenant: TestTenant;
    let other: TestTenant;
    let supervisor: Client;
    let n = 0;

    const ingest = async (t: TestTenant, channel: string, waitedSeconds: number) => {
      const response = await client(app, { token: t.token }).post("/api/v1/interactions", {
        channel,
        externalId: `supervision-${n++}`,
        sender: { identifiers: [{ kind: "email", value: `wachter${n}@voorbeeld.test` }] },
        occurredAt: new Date(NOW.getTime() - waitedSeconds * 1000).toISOString(),
        text: "Vraag",
        topicId: "afval",
      });
      assert.equal(response.status, 201, await response.clone().text());
      const { questionId } = (await response.json()) as IngestResult;
      await database.query("UPDATE questions SET opened_at = $2 WHERE id = $1", [
        questionId,
        new Date(NOW.getTime() - waitedSeconds * 1000).toISOString(),
      ]);
      return questionId;
    };
    const supervisorOf = async (t: TestTenant, slug: string) => {
      await createEmployee(database.db, {
        tenantId: t.tenantId,
        name: "Sanne Supervisor",
        email: `supervisor@${slug}.test`,
        roles: ["supervisor"],
        password: "correct horse battery staple",
        teamIds: [t.teams.general],
      });
      return logInAs(app, `supervisor@${slug}.test`);
    };
    const queues = async (via: Client) => {
      const response = await via.get("/api/v1/supervision/queues");
      assert.equal(response.status, 200, await response.clone().text());
      return ((await response.json()) as { items: QueueStats[] }).items;
    };

    before(async () => {
      database = await backend.open();
      app = createApp(testDeps(database, { clock: () => NOW }));
      tenant = await createTestTenant(database, "toezicht");
      other = await createTestTenant(database, "elders");
      supervisor = await supervisorOf(tenant, "toezicht");

      await ingest(tenant, "email", 10 * MIN);
      await ingest(tenant, "email", 30 * MIN);
      await ingest(tenant, "email", 120 * MIN);
      const answered = await ingest(tenant, "email", 300 * MIN);
      await database.query(
        `INSERT INTO interactions (tenant_id, question_id, channel, direction, occurred_at, text)
         VALUES ($1, $2, 'email', 'outbound', $3, 'Antwoord')`,
        [tenant.tenantId, answered, NOW.toISOString()],
      );
      const resolved = await ingest(tenant, "email", 5 * MIN);
      await database.query("UPDATE questions SET status = 'resolved', resolved_at = now() WHERE id = $1", [
        resolved,
      ]);
      await ingest(tenant, "sms", 3 * 24 * 3600 + 3600);
      await ingest(other, "email", 1);
    });
    after(() => database.drop());

    it("counts open questions per channel and computes P50, P90 and max of unanswered ones in SQL", async () => {
      const items = await queues(supervisor);
      assert.deepEqual(
        items.map((i) => i.channel),
        ["email", "sms"],
      );
      const [email, sms] = items as [QueueStats, QueueStats];
      assert.equal(email.depth, 4, "three waiting plus one answered; the resolved one is not queued");
      // Waits 600, 1800, 7200: P50 is the middle one, P90 interpolates 1800 + 0.8 × 5400.
      assert.deepEqual(email.waitingSeconds, { p50: 1800, p90: 6120, max: 7200 });
      assert.deepEqual(
        email.histogram.map((b) => b.count),
        [1, 1, 1, 0, 0, 0],
      );
      assert.equal(email.histogram.at(-1)?.toSeconds, null);
      assert.equal(sms.depth, 1);
      assert.deepEqual(sms.waitingSeconds, { p50: 262800, p90: 262800, max: 262800 });
      assert.deepEqual(
        sms.histogram.map((b) => b.count),
        [0, 0, 0, 0, 0, 1],
      );
    });

    it("admins may look too; agents and analysts get 403", async () => {
      // The admin's second factor is checked against the real clock, so log in through an app that has it.
      const liveApp = createApp(testDeps(database));
      const admin = await logInAsAdmin(liveApp, database, tenant.tenantId, "admin@toezicht.test");
      assert.equal((await queues(admin)).length, 2);
      const agent = await logInAs(app, "agent@toezicht.test");
      assert.equal((await agent.get("/api/v1/supervision/queues")).status, 403);
      await createEmployee(database.db, {
        tenantId: tenant.tenantId,
        name: "Anna Analist",
        email: "analist@toezicht.test",
        roles: ["analyst"],
        password: "correct horse battery staple",
      });
      const analyst = await logInAs(app, "analist@toezicht.test");
      assert.equal((await analyst.get("/api/v1/supervision/queues")).status, 403);
      assert.equal((await client(app).get("/api/v1/supervision/queues")).status, 401);
    });

    it("keeps tenants apart", async () => {
      const elsewhere = await supervisorOf(other, "elders");
      const items = await queues(elsewhere);
      assert.equal(items.length, 1);
      assert.deepEqual(items[0]?.depth, 1);
      assert.deepEqual(items[0]?.waitingSeconds, { p50: 1, p90: 1, max: 1 });
    });
  });
}
