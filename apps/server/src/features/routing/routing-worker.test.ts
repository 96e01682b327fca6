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
import { startRoutingWorker } from "./routing-worker";

for (const backend of testBackends()) {
  describe(`routing worker: work reaches an available employee without anyone pressing a button (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let tenant: TestTenant;
    let system: Client;
    let agent: Client;
    let worker: ReturnType<typeof startRoutingWorker>;
    let n = 0;

    const ingest = async () => {
      const response = await system.post("/api/v1/interactions", {
        channel: "email",
        externalId: `worker-${n++}`,
        sender: { identifiers: [{ kind: "email", value: `bewoner${n}@voorbeeld.test` }] },
        text: "Mijn container is niet geleegd.",
        topicId: "afval",
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    };
    const assigneeOf = async (questionId: string) =>
      (
        await database.query<{ employee_id: string | null }>(
          "SELECT employee_id FROM questions WHERE id = $1",
          [questionId],
        )
      )[0]?.employee_id ?? null;
    /** Polls until the question is assigned (the worker runs after commit, asynchronously). */
    const assignedWithin = async (questionId: string, ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const employeeId = await assigneeOf(questionId);
        if (employeeId) return employeeId;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return null;
    };

    before(async () => {
      database = await backend.open();
      const deps = testDeps(database);
      const app = createApp(deps);
      tenant = await createTestTenant(database, "routeerwerk");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@routeerwerk.test");
      // A long sweep: whatever the test sees was triggered by an event, not by the timer.
      worker = startRoutingWorker(deps, { settleMs: 20, sweepMs: 3_600_000 });
      await worker.ready;
    });
    after(async () => {
      await worker?.stop();
      await database?.drop();
    });

    it("assigns waiting work when an employee becomes available, and new work as it arrives", async () => {
      const waiting = await ingest();
      // Nobody is available: the question waits, however long the worker listens.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await assigneeOf(waiting.questionId), null);

      assert.equal((await agent.put("/api/v1/presence", { presence: "available" })).status, 200);
      assert.equal(await assignedWithin(waiting.questionId, 5_000), tenant.agentId);

      const arriving = await ingest();
      assert.equal(await assignedWithin(arriving.questionId, 5_000), tenant.agentId);

      // Each run is audited as the system's doing, with the residents concerned.
      const audit = await database.query<{ actor_type: string; actor_id: string; object_ids: string[] }>(
        "SELECT actor_type, actor_id, object_ids FROM audit_events WHERE tenant_id = $1 AND action = 'routing.run' ORDER BY id",
        [tenant.tenantId],
      );
      assert.deepEqual(
        audit.map((a) => [a.actor_type, a.actor_id]),
        audit.map(() => ["system", "routing-worker"]),
      );
      assert.deepEqual(
        audit.flatMap((a) => a.object_ids),
        [waiting.questionId, arriving.questionId],
      );
    });

    it("leaves work alone once the employee is away", async () => {
      assert.equal((await agent.put("/api/v1/presence", { presence: "away" })).status, 200);
      const later = await ingest();
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(await assigneeOf(later.questionId), null);
    });
  });
}
