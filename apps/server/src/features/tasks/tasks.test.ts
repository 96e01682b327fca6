import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { computeDueAt, defaultCallbackNorms } from "@omniloket/domain";
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
import type { TaskView } from ".";

type Page = { items: TaskView[]; nextCursor: string | null };
type Completed = TaskView & { reply: { interactionId: string; channel: string; overridden: boolean } | null };

for (const backend of testBackends()) {
  describe(`tasks: callbacks and back-office work on a question (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let tenant: TestTenant;
    let system: Client;
    let agent: Client;
    let backOffice: Client;
    let n = 0;
    const ingest = async (body: Record<string, unknown>) => {
      const response = await system.post("/api/v1/interactions", {
        channel: "email",
        externalId: `task-${n++}`,
        text: "Bel mij terug",
        topicId: "afval",
        ...body,
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    };
    const create = (as: Client, questionId: string, body: Record<string, unknown>) =>
      as.post(`/api/v1/questions/${questionId}/tasks`, {
        kind: "callback",
        description: "Terugbellen",
        ...body,
      });
    const tasks = async (as: Client, query = "") => {
      const response = await as.get(`/api/v1/tasks${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as Page;
    };

    let caller: IngestResult;

    before(async () => {
      database = await backend.open();
      app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "tasks");
      system = client(app, { token: tenant.token });
      agent = await logInAs(app, "agent@tasks.test");
      backOffice = await logInAs(app, "jeugd@tasks.test");
      caller = await ingest({
        channel: "sms",
        sender: { identifiers: [{ kind: "phone", value: "+31612340077" }] },
      });
    });
    after(() => database.drop());

    it("creates a callback on the resident's number, due by the callback norm", async () => {
      const before = Date.now();
      const response = await create(agent, caller.questionId, {});
      assert.equal(response.status, 201, await response.clone().text());
      assert.ok(response.headers.get("api-version"));
      const task = (await response.json()) as TaskView;
      assert.deepEqual(
        [task.kind, task.status, task.contactChannel, task.contactAddress, task.teamId, task.overdue],
        ["callback", "open", "phone", "+31612340077", tenant.teams.general, false],
      );
      assert.equal(task.questionReference, caller.questionReference);
      const low =
        computeDueAt(new Date(before), defaultCallbackNorms, "afval", "phone")?.dueAt.getTime() ?? 0;
      const high = computeDueAt(new Date(), defaultCallbackNorms, "afval", "phone")?.dueAt.getTime() ?? 0;
      const due = new Date(task.dueAt ?? 0).getTime();
      assert.ok(due >= low && due <= high, `${task.dueAt} within the callback norm`);
      const [event] = await database.query<{ payload: { taskId: string } }>(
        "SELECT payload FROM outbox WHERE type = 'task.changed' ORDER BY id DESC LIMIT 1",
      );
      assert.equal(event?.payload.taskId, task.id);
    });

    it("asks for a number when the resident has none, and checks team and assignee", async () => {
      const emailOnly = await ingest({
        sender: { identifiers: [{ kind: "email", value: "mail@voorbeeld.test" }] },
      });
      const none = await create(agent, emailOnly.questionId, {});
      assert.equal(none.status, 400);
      const problem = (await none.json()) as { invalidParams: Array<{ name: string }> };
      assert.equal(problem.invalidParams[0]?.name, "contactAddress");
      const given = await create(agent, emailOnly.questionId, { contactAddress: "+31201234567" });
      assert.equal(given.status, 201);
      const other = await createTestTenant(database, "tasks-team");
      assert.equal(
        (
          await create(agent, emailOnly.questionId, {
            teamId: other.teams.general,
            contactAddress: "0201234567",
          })
        ).status,
        400,
      );
      assert.equal(
        (
          await create(agent, emailOnly.questionId, {
            assigneeEmployeeId: other.agentId,
            contactAddress: "0201234567",
          })
        ).status,
        400,
      );
      const backOfficeTask = await create(agent, emailOnly.questionId, {
        kind: "back-office",
        description: "Container omwisselen",
        teamId: tenant.teams.taxes,
        dueAt: "2020-01-01T09:00:00+01:00",
      });
      assert.equal(backOfficeTask.status, 201);
      const task = (await backOfficeTask.json()) as TaskView;
      assert.deepEqual([task.contactAddress, task.overdue, task.teamId], [null, true, tenant.teams.taxes]);
    });

    it("lists tasks overdue first, in keyset pages, and audit-logs the read", async () => {
      const q = await ingest({ sender: { identifiers: [{ kind: "phone", value: "+31612340088" }] } });
      const late = (await (
        await create(agent, q.questionId, { dueAt: new Date(Date.now() - 3_600_000).toISOString() })
      ).json()) as TaskView;
      const page = await tasks(agent, "?limit=200");
      assert.ok(page.items.length >= 4);
      const dues = page.items.map((t) => (t.dueAt ? new Date(t.dueAt).getTime() : Number.POSITIVE_INFINITY));
      assert.deepEqual(
        dues,
        [...dues].sort((a, b) => a - b),
      );
      assert.equal(page.items[0]?.overdue, true);
      assert.ok(page.items.some((t) => t.id === late.id && t.overdue));
      assert.ok(page.items.every((t) => t.status === "open"));

      const [audit] = await database.query<{ party_ids: string[]; object_ids: string[] }>(
        "SELECT party_ids, object_ids FROM audit_events WHERE tenant_id = $1 AND action = 'tasks.read' ORDER BY id DESC LIMIT 1",
        [tenant.tenantId],
      );
      assert.ok(audit?.party_ids.includes(caller.partyId ?? ""));
      assert.ok(audit?.party_ids.includes(q.partyId ?? ""));
      assert.deepEqual(
        audit?.object_ids,
        page.items.map((t) => t.id),
      );

      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const next: Page = await tasks(
          agent,
          `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        ids.push(...next.items.map((t) => t.id));
        cursor = next.nextCursor;
      } while (cursor);
      assert.deepEqual(
        ids,
        page.items.map((t) => t.id),
      );
      assert.deepEqual(
        (await tasks(agent, `?teamId=${tenant.teams.taxes}`)).items.map((t) => t.kind),
        ["back-office"],
      );
    });

    it("never lists or completes a task on a youth question for someone outside the youth team", async () => {
      const youth = await ingest({
        topicId: "jeugd",
        sender: { identifiers: [{ kind: "phone", value: "+31612340099" }] },
      });
      const created = await create(backOffice, youth.questionId, {});
      assert.equal(created.status, 201);
      const task = (await created.json()) as TaskView;
      assert.equal((await create(agent, youth.questionId, {})).status, 404);
      assert.ok(!(await tasks(agent, "?limit=200")).items.some((t) => t.id === task.id));
      assert.ok((await tasks(backOffice, "?limit=200")).items.some((t) => t.id === task.id));
      const attempt = await agent.post(`/api/v1/tasks/${task.id}/_complete`, {
        outcome: "x",
        notifyResident: false,
      });
      assert.equal(attempt.status, 404);
    });

    it("completes with the outcome and tells the resident on the reply rule's channel; twice is a conflict", async () => {
      const [open] = (await tasks(agent, "?limit=200")).items.filter(
        (t) => t.questionId === caller.questionId,
      );
      assert.ok(open);
      const response = await backOffice.post(`/api/v1/tasks/${open.id}/_complete`, {
        outcome: "Inwoner gebeld: de container wordt vrijdag geleegd.",
        notifyResident: true,
      });
      assert.equal(response.status, 200, await response.clone().text());
      const done = (await response.json()) as Completed;
      assert.deepEqual(
        [done.status, done.overdue, done.outcome],
        ["done", false, "Inwoner gebeld: de container wordt vrijdag geleegd."],
      );
      assert.ok(done.completedAt);
      assert.equal(done.reply?.channel, "sms", "the channel the resident used last");

      const [interaction] = await database.query<{
        channel: string;
        direction: string;
        text: string;
        question_id: string;
      }>("SELECT channel, direction, text, question_id FROM interactions WHERE id = $1", [
        done.reply?.interactionId,
      ]);
      assert.deepEqual(interaction, {
        channel: "sms",
        direction: "outbound",
        text: "Inwoner gebeld: de container wordt vrijdag geleegd.",
        question_id: caller.questionId,
      });
      const [message] = await database.query<{ payload: { to: string } }>(
        "SELECT payload FROM outbox WHERE type = 'message.send' AND payload->>'interactionId' = $1",
        [done.reply?.interactionId],
      );
      assert.equal(message?.payload.to, "+31612340077");
      const events = await database.query<{ n: string }>(
        "SELECT count(*) AS n FROM outbox WHERE type = 'task.changed' AND payload->>'taskId' = $1",
        [open.id],
      );
      assert.equal(Number(events[0]?.n), 2, "created and completed");

      const again = await backOffice.post(`/api/v1/tasks/${open.id}/_complete`, {
        outcome: "nogmaals",
        notifyResident: false,
      });
      assert.equal(again.status, 409);
      assert.match(again.headers.get("content-type") ?? "", /problem\+json/);
      assert.ok((await tasks(agent, "?status=done")).items.some((t) => t.id === open.id));
    });

    it("leaves the task open when the resident cannot be told", async () => {
      const q = await ingest({
        sender: { identifiers: [{ kind: "email", value: "geen.sms@voorbeeld.test" }] },
      });
      const task = (await (await create(agent, q.questionId, { kind: "back-office" })).json()) as TaskView;
      const response = await agent.post(`/api/v1/tasks/${task.id}/_complete`, {
        outcome: "Klaar",
        notifyResident: true,
        channel: "sms",
      });
      assert.equal(response.status, 400, "override without a reason");
      const [row] = await database.query<{ status: string }>("SELECT status FROM tasks WHERE id = $1", [
        task.id,
      ]);
      assert.equal(row?.status, "open");
    });

    it("keeps municipalities apart: another tenant's task is not found", async () => {
      const other = await createTestTenant(database, "tasks-ander");
      const otherAgent = await logInAs(app, "agent@tasks-ander.test");
      const [mine] = (await tasks(agent, "?limit=200")).items;
      assert.ok(mine);
      const response = await otherAgent.post(`/api/v1/tasks/${mine.id}/_complete`, {
        outcome: "x",
        notifyResident: false,
      });
      assert.equal(response.status, 404);
      assert.equal((await create(otherAgent, caller.questionId, {})).status, 404);
      assert.deepEqual((await tasks(otherAgent, "?limit=200")).items, []);
      assert.ok(other.tenantId);
    });
  });
}
