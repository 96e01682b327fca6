import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { adminTestContext } from "../../test-support/admin-test-context";
import { testBackends } from "../../test-support/backends";
import { logInAs } from "../../test-support/harness";

type Employee = {
  id: string;
  email: string;
  roles: string[];
  skillTopicIds: string[];
  languages: string[];
  teamIds: string[];
};
type Problem = { status: number; code: string; invalidParams?: Array<{ name: string }> };

for (const backend of testBackends()) {
  describe(`admins manage employees' roles, skills and languages (${backend.name})`, () => {
    const ctx = adminTestContext(backend, "medewerkers");

    const employees = async () =>
      ((await (await ctx.admin.get("/api/v1/admin/employees")).json()) as { items: Employee[] }).items;

    it("lists employees with roles, skills, languages and teams, and never a secret", async () => {
      const response = await ctx.admin.get("/api/v1/admin/employees");
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.doesNotMatch(text, /passwordHash|password_hash|totp|argon2/i);
      const { items } = JSON.parse(text) as { items: Employee[] };
      const youth = items.find((e) => e.email === "jeugd@medewerkers.test");
      assert.deepEqual(youth?.roles, ["agent", "back-office"]);
      assert.deepEqual(youth?.languages, ["nld"]);
      assert.deepEqual(youth?.teamIds, [ctx.tenant.teams.youth]);
    });

    it("changes roles, skills and languages", async () => {
      const response = await ctx.admin.put(`/api/v1/admin/employees/${ctx.tenant.agentId}`, {
        roles: ["agent", "supervisor"],
        skillTopicIds: ["afval"],
        languages: ["nld", "eng"],
      });
      assert.equal(response.status, 200);
      const saved = (await response.json()) as Employee;
      assert.deepEqual(saved.roles, ["agent", "supervisor"]);
      assert.deepEqual(saved.skillTopicIds, ["afval"]);
      assert.deepEqual(saved.languages, ["nld", "eng"]);
      assert.doesNotMatch(JSON.stringify(saved), /totp|password/i);
    });

    it("refuses an unknown role, topic or language code, naming the fields, and writes nothing", async () => {
      const before = await employees();
      const response = await ctx.admin.put(`/api/v1/admin/employees/${ctx.tenant.youthAgentId}`, {
        roles: ["koning"],
        skillTopicIds: ["bestaat-niet"],
        languages: ["nederlands"],
      });
      assert.equal(response.status, 400);
      const names = ((await response.json()) as Problem).invalidParams?.map((p) => p.name) ?? [];
      for (const name of ["roles.0", "skillTopicIds.0", "languages.0"]) assert.ok(names.includes(name), name);
      assert.deepEqual(await employees(), before);
    });

    it("keeps an admin from removing their own admin role and from making an account without second factor admin", async () => {
      const before = await employees();
      const self = before.find((e) => e.email === "beheer@medewerkers.test");
      const own = await ctx.admin.put(`/api/v1/admin/employees/${self?.id}`, {
        roles: ["agent"],
        languages: ["nld"],
      });
      assert.equal(own.status, 409);
      assert.equal(((await own.json()) as Problem).code, "own-admin-role");
      const promote = await ctx.admin.put(`/api/v1/admin/employees/${ctx.tenant.youthAgentId}`, {
        roles: ["admin"],
        languages: ["nld"],
      });
      assert.equal(promote.status, 409);
      assert.deepEqual(await employees(), before);
    });

    it("gives the add-employee form an answer it can show once", async () => {
      const response = await ctx.admin.post("/api/v1/admin/employees", {
        email: "nieuw@medewerkers.test",
        name: "Nina Nieuw",
        roles: ["agent"],
      });
      assert.equal(response.status, 201);
      assert.ok(((await response.json()) as { password: string }).password.length >= 12);
      assert.ok((await employees()).some((e) => e.email === "nieuw@medewerkers.test"));
    });

    it("answers 404 for an unknown employee and 403 for non-admins", async () => {
      const unknown = "00000000-0000-4000-8000-000000000000";
      const missing = await ctx.admin.put(`/api/v1/admin/employees/${unknown}`, {
        roles: ["agent"],
        languages: ["nld"],
      });
      assert.equal(missing.status, 404);
      const agent = await logInAs(ctx.app, "jeugd@medewerkers.test");
      assert.equal((await agent.get("/api/v1/admin/employees")).status, 403);
      const put = await agent.put(`/api/v1/admin/employees/${ctx.tenant.youthAgentId}`, {
        roles: ["supervisor"],
        languages: ["nld"],
      });
      assert.equal(put.status, 403);
    });
  });
}
