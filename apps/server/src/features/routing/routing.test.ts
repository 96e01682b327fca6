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
import { createEmployee } from "../accounts";
import type { PresenceItem } from ".";

type Assigned = { questionId: string; teamId: string | null; employeeId: string | null };
type Run = { assignments: { questionId: string; agentId: string; reason: string }[] };

for (const backend of testBackends()) {
  describe(`routing: presence, manual assignment and one engine for every channel (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let app: App;
    let tenant: TestTenant;
    let other: TestTenant;
    let system: Client;
    let otherSystem: Client;
    let agent: Client;
    let youthAgent: Client;
    let supervisor: Client;
    let n = 0;

    const ingest = async (body: Record<string, unknown>, via = system) => {
      const response = await via.post("/api/v1/interactions", {
        channel: "email",
        externalId: `routing-${n++}`,
        sender: { identifiers: [{ kind: "email", value: `bewoner${n}@voorbeeld.test` }] },
        occurredAt: new Date(Date.now() - (1000 - n) * 60_000).toISOString(),
        text: "Vraag",
        topicId: "afval",
        ...body,
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    };
    const employeeOf = async (questionId: string) => {
      const rows = await database.query<{ employee_id: string | null; team_id: string | null }>(
        "SELECT employee_id, team_id FROM questions WHERE id = $1",
        [questionId],
      );
      return rows[0];
    };
    const presenceList = async () => {
      const response = await supervisor.get("/api/v1/presence");
      assert.equal(response.status, 200, await response.clone().text());
      return ((await response.json()) as { items: PresenceItem[] }).items;
    };

    before(async () => {
      database = await backend.open();
      app = createApp(testDeps(database));
      tenant = await createTestTenant(database, "routing");
      other = await createTestTenant(database, "elders");
      await createEmployee(database.db, {
        tenantId: tenant.tenantId,
        name: "Sanne Supervisor",
        email: "supervisor@routing.test",
        roles: ["supervisor"],
        password: "correct horse battery staple",
        teamIds: [tenant.teams.general],
      });
      system = client(app, { token: tenant.token });
      otherSystem = client(app, { token: other.token });
      agent = await logInAs(app, "agent@routing.test");
      youthAgent = await logInAs(app, "jeugd@routing.test");
      supervisor = await logInAs(app, "supervisor@routing.test");
    });
    after(() => database.drop());

    it("round-trips an employee's own presence and shows it, with load, to a supervisor", async () => {
      const set = await agent.put("/api/v1/presence", { presence: "busy" });
      assert.equal(set.status, 200, await set.clone().text());
      assert.equal(set.headers.get("api-version"), "0.1.0");
      assert.equal(((await set.json()) as { presence: string }).presence, "busy");
      const items = await presenceList();
      const anna = items.find((i) => i.employeeId === tenant.agentId);
      assert.equal(anna?.presence, "busy");
      assert.deepEqual(anna?.load, { phone: 0, chat: 0, email: 0, other: 0 });
      assert.equal(items.find((i) => i.employeeId === tenant.youthAgentId)?.presence, "offline");
      assert.ok(!items.some((i) => i.employeeId === other.agentId), "another municipality's employees");

      const invalid = await agent.put("/api/v1/presence", { presence: "asleep" });
      assert.equal(invalid.status, 400);
      assert.match(invalid.headers.get("content-type") ?? "", /problem\+json/);
      assert.equal((await system.put("/api/v1/presence", { presence: "available" })).status, 403);
      assert.equal((await agent.get("/api/v1/presence")).status, 403, "only supervisors see everyone");
    });

    it("assigns by hand, refusing an employee outside the youth team a youth question", async () => {
      const youth = await ingest({ topicId: "jeugd" });
      const refused = await youthAgent.post(`/api/v1/questions/${youth.questionId}/_assign`, {
        employeeId: tenant.agentId,
      });
      assert.equal(refused.status, 409, await refused.clone().text());
      const problem = (await refused.json()) as { detail: string };
      assert.match(problem.detail, /mag deze vraag niet inzien/);
      assert.equal((await employeeOf(youth.questionId))?.employee_id, null);

      const given = await youthAgent.post(`/api/v1/questions/${youth.questionId}/_assign`, {
        employeeId: tenant.youthAgentId,
        note: "Ik neem hem zelf",
      });
      assert.equal(given.status, 200, await given.clone().text());
      assert.equal(((await given.json()) as Assigned).employeeId, tenant.youthAgentId);
      const audit = await database.query<{ details: { note: string } }>(
        "SELECT details FROM audit_events WHERE action = 'question.assign' AND $1 = ANY(object_ids)",
        [youth.questionId],
      );
      assert.equal(audit[0]?.details.note, "Ik neem hem zelf");
      const events = await database.query<{ n: number | string }>(
        "SELECT count(*) AS n FROM outbox WHERE type = 'question.changed' AND payload->>'questionId' = $1",
        [youth.questionId],
      );
      assert.ok(Number(events[0]?.n) >= 1);
      const load = (await presenceList()).find((i) => i.employeeId === tenant.youthAgentId)?.load;
      assert.equal(load?.email, 1);

      // The general agent cannot see the youth question, so cannot assign it either.
      const hidden = await agent.post(`/api/v1/questions/${youth.questionId}/_assign`, {
        employeeId: tenant.agentId,
      });
      assert.equal(hidden.status, 404);
      // Someone of another municipality is not an employee here.
      const general = await ingest({});
      const foreign = await agent.post(`/api/v1/questions/${general.questionId}/_assign`, {
        employeeId: other.agentId,
      });
      assert.equal(foreign.status, 400);
    });

    it("transfers to a team or an employee with a note, and never a youth question to a team without youth", async () => {
      const general = await ingest({});
      const toTaxes = await agent.post(`/api/v1/questions/${general.questionId}/_transfer`, {
        teamId: tenant.teams.taxes,
        note: "Gaat over de aanslag",
      });
      assert.equal(toTaxes.status, 200, await toTaxes.clone().text());
      assert.deepEqual(await toTaxes.json(), {
        questionId: general.questionId,
        teamId: tenant.teams.taxes,
        employeeId: null,
      });

      const youth = await ingest({ topicId: "jeugd" });
      const refused = await youthAgent.post(`/api/v1/questions/${youth.questionId}/_transfer`, {
        teamId: tenant.teams.general,
        note: "Verkeerd team",
      });
      assert.equal(refused.status, 409);
      assert.match(((await refused.json()) as { detail: string }).detail, /need-to-know/);
      const toPerson = await youthAgent.post(`/api/v1/questions/${youth.questionId}/_transfer`, {
        employeeId: tenant.agentId,
        note: "Kun jij dit doen?",
      });
      assert.equal(toPerson.status, 409);

      const noNote = await agent.post(`/api/v1/questions/${general.questionId}/_transfer`, {
        teamId: tenant.teams.general,
      });
      assert.equal(noNote.status, 400);
      const both = await agent.post(`/api/v1/questions/${general.questionId}/_transfer`, {
        teamId: tenant.teams.general,
        employeeId: tenant.agentId,
        note: "Allebei",
      });
      assert.equal(both.status, 400);
    });

    it("runs routing by skills and capacity, never over capacity, within one municipality", async () => {
      // Clear the slate: earlier tests left questions; resolve them.
      await database.query("UPDATE questions SET status = 'resolved' WHERE tenant_id = $1", [
        tenant.tenantId,
      ]);
      // Two emails at once per employee in this municipality.
      await database.query(
        `UPDATE tenants SET settings = jsonb_set(settings, '{routing}', '{"weights": {"email": 0.5}}') WHERE id = $1`,
        [tenant.tenantId],
      );
      const emma = await createEmployee(database.db, {
        tenantId: tenant.tenantId,
        name: "Emma English",
        email: "emma@routing.test",
        roles: ["agent"],
        password: "correct horse battery staple",
        teamIds: [tenant.teams.general],
      });
      await database.query("UPDATE employees SET languages = '{eng}' WHERE id = $1", [emma.id]);
      const emmaClient = await logInAs(app, "emma@routing.test");
      assert.equal((await emmaClient.put("/api/v1/presence", { presence: "available" })).status, 200);
      assert.equal((await agent.put("/api/v1/presence", { presence: "available" })).status, 200);
      // The youth agent stays offline: the youth question waits.
      const dutch = [await ingest({}), await ingest({}), await ingest({})];
      const english = await ingest({ language: "eng" });
      const youth = await ingest({ topicId: "jeugd" });
      // The other municipality has an available agent and a waiting question: untouched by our run.
      const elsewhere = await ingest({}, otherSystem);
      const otherAgent = await logInAs(app, "agent@elders.test");
      assert.equal((await otherAgent.put("/api/v1/presence", { presence: "available" })).status, 200);

      const response = await system.post("/api/v1/routing/_run", {});
      assert.equal(response.status, 200, await response.clone().text());
      const { assignments } = (await response.json()) as Run;
      const to = Object.fromEntries(assignments.map((a) => [a.questionId, a.agentId]));
      assert.equal(to[english.questionId], emma.id, "English goes to the one who speaks it");
      assert.equal(assignments.filter((a) => a.agentId === tenant.agentId).length, 2, "two emails at 0.5");
      assert.equal(to[dutch[0]?.questionId ?? ""], tenant.agentId, "oldest first");
      assert.equal(to[dutch[2]?.questionId ?? ""], undefined, "the third waits: capacity is full");
      assert.equal(to[youth.questionId], undefined, "nobody of the youth team is available");
      assert.equal(to[elsewhere.questionId], undefined);
      assert.equal((await employeeOf(elsewhere.questionId))?.employee_id, null);
      assert.ok(assignments.every((a) => a.reason.length > 0));

      const anna = (await presenceList()).find((i) => i.employeeId === tenant.agentId);
      assert.equal(anna?.load.email, 2);
      assert.equal(anna?.capacityUsed, 1);

      // A second run finds nobody with room for the Dutch email: nothing over capacity.
      const again = (await (await system.post("/api/v1/routing/_run", {})).json()) as Run;
      assert.deepEqual(again.assignments, []);

      // Agents may not run routing; supervisors may.
      assert.equal((await agent.post("/api/v1/routing/_run", {})).status, 403);
      assert.equal((await supervisor.post("/api/v1/routing/_run", {})).status, 200);
    });
  });
}
