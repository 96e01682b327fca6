import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { adminTestContext } from "../../test-support/admin-test-context";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, logInAs } from "../../test-support/harness";

type Team = { id: string; name: string; topicIds: string[]; isGeneral: boolean; memberIds: string[] };
type Problem = { status: number; detail: string; invalidParams?: Array<{ name: string }> };

for (const backend of testBackends()) {
  describe(`admins manage teams, their topics and members (${backend.name})`, () => {
    const ctx = adminTestContext(backend, "teams");

    const teams = async () =>
      ((await (await ctx.admin.get("/api/v1/admin/teams")).json()) as { items: Team[] }).items;

    it("lists the teams with topics and members", async () => {
      const items = await teams();
      const youth = items.find((t) => t.name === "Jeugd");
      assert.deepEqual(youth?.topicIds, ["jeugd"]);
      assert.deepEqual(youth?.memberIds, [ctx.tenant.youthAgentId]);
      assert.equal(items.find((t) => t.name === "KCC")?.isGeneral, true);
    });

    it("creates a team with topics, edits it, and adds and removes a member", async () => {
      const created = await ctx.admin.post("/api/v1/admin/teams", { name: "Afval", topicIds: ["afval"] });
      assert.equal(created.status, 201);
      const team = (await created.json()) as Team;
      assert.deepEqual(team, {
        id: team.id,
        name: "Afval",
        topicIds: ["afval"],
        isGeneral: false,
        memberIds: [],
      });

      const edited = await ctx.admin.put(`/api/v1/admin/teams/${team.id}`, {
        name: "Afval en straat",
        topicIds: ["afval", "openbare-ruimte"],
        isGeneral: false,
      });
      assert.equal(edited.status, 200);
      assert.deepEqual(((await edited.json()) as Team).topicIds, ["afval", "openbare-ruimte"]);

      const member = `/api/v1/admin/teams/${team.id}/members/${ctx.tenant.agentId}`;
      assert.equal((await ctx.admin.put(member, {})).status, 204);
      assert.equal((await ctx.admin.put(member, {})).status, 204, "adding twice changes nothing");
      assert.deepEqual((await teams()).find((t) => t.id === team.id)?.memberIds, [ctx.tenant.agentId]);
      assert.equal((await ctx.admin.delete(member)).status, 204);
      assert.deepEqual((await teams()).find((t) => t.id === team.id)?.memberIds, []);
    });

    it("refuses an unknown topic and a too-short name, naming the fields, and writes nothing", async () => {
      const before = await teams();
      const response = await ctx.admin.post("/api/v1/admin/teams", {
        name: "X",
        topicIds: ["afval", "bestaat-niet"],
      });
      assert.equal(response.status, 400);
      const problem = (await response.json()) as Problem;
      const names = problem.invalidParams?.map((p) => p.name) ?? [];
      assert.ok(names.includes("name") && names.includes("topicIds.1"), JSON.stringify(names));
      assert.deepEqual(await teams(), before);

      const edit = await ctx.admin.put(`/api/v1/admin/teams/${ctx.tenant.teams.youth}`, {
        name: "Jeugd",
        topicIds: ["?"],
      });
      assert.equal(edit.status, 400);
      assert.deepEqual(await teams(), before);
    });

    it("answers a taken name with 409 and an unknown team or employee with 404", async () => {
      const taken = await ctx.admin.post("/api/v1/admin/teams", { name: "Jeugd", topicIds: [] });
      assert.equal(taken.status, 409);
      assert.match(((await taken.json()) as Problem).detail, /al een team/);
      const unknown = "00000000-0000-4000-8000-000000000000";
      assert.equal((await ctx.admin.put(`/api/v1/admin/teams/${unknown}`, { name: "Nieuw" })).status, 404);
      assert.equal(
        (await ctx.admin.put(`/api/v1/admin/teams/${ctx.tenant.teams.youth}/members/${unknown}`, {})).status,
        404,
      );
    });

    it("refuses employees who are not admins", async () => {
      const agent = await logInAs(ctx.app, "agent@teams.test");
      assert.equal((await agent.get("/api/v1/admin/teams")).status, 403);
      assert.equal((await agent.post("/api/v1/admin/teams", { name: "Stiekem" })).status, 403);
      assert.equal(
        (await agent.put(`/api/v1/admin/teams/${ctx.tenant.teams.general}/members/${ctx.tenant.agentId}`, {}))
          .status,
        403,
      );
      assert.ok(!(await teams()).some((t) => t.name === "Stiekem"));
    });

    it("does not show or change another municipality's teams", async () => {
      const other = await createTestTenant(ctx.database, "teams-elders");
      assert.equal(
        (await ctx.admin.put(`/api/v1/admin/teams/${other.teams.youth}`, { name: "Overgenomen" })).status,
        404,
      );
      assert.ok(!(await teams()).some((t) => t.id === other.teams.youth));
    });
  });
}
