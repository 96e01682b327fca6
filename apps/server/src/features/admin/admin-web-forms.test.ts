import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { adminTestContext } from "../../test-support/admin-test-context";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, logInAs } from "../../test-support/harness";

type WebForm = { id: string; title: { nl: string }; url: string; enabled: boolean };

for (const backend of testBackends()) {
  describe(`admins switch web forms on and off (${backend.name})`, () => {
    const ctx = adminTestContext(backend, "formulieren");
    before(() => createTestTenant(ctx.database, "buren"));

    const forms = async () =>
      ((await (await ctx.admin.get("/api/v1/admin/web-forms")).json()) as { items: WebForm[] }).items;

    it("lists the forms with their public address, all on by default", async () => {
      const items = await forms();
      const general = items.find((f) => f.id === "algemene-vraag");
      assert.equal(general?.url, "/formulieren/formulieren/algemene-vraag");
      assert.ok(items.length >= 3 && items.every((f) => f.enabled));
      assert.equal((await ctx.app.request(general?.url ?? "")).status, 200);
    });

    it("a switched-off form answers with a Dutch 404 page for this municipality only, and can be switched on again", async () => {
      const off = await ctx.admin.put("/api/v1/admin/web-forms/algemene-vraag", { enabled: false });
      assert.equal(off.status, 200);
      assert.equal(((await off.json()) as WebForm).enabled, false);
      const page = await ctx.app.request("/formulieren/formulieren/algemene-vraag");
      assert.equal(page.status, 404);
      assert.match(await page.text(), /Dit formulier bestaat niet/);
      const post = await ctx.app.request("/formulieren/formulieren/algemene-vraag", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "vraag=hallo",
      });
      assert.equal(post.status, 404);
      assert.equal(
        (await ctx.app.request("/formulieren/buren/algemene-vraag")).status,
        200,
        "the neighbours keep theirs",
      );

      assert.equal(
        (await ctx.admin.put("/api/v1/admin/web-forms/algemene-vraag", { enabled: true })).status,
        200,
      );
      assert.equal((await ctx.app.request("/formulieren/formulieren/algemene-vraag")).status, 200);
      assert.ok((await forms()).every((f) => f.enabled));
    });

    it("refuses bad input and unknown forms, and non-admins", async () => {
      const bad = await ctx.admin.put("/api/v1/admin/web-forms/algemene-vraag", { enabled: "nee" });
      assert.equal(bad.status, 400);
      const names = ((await bad.json()) as { invalidParams: Array<{ name: string }> }).invalidParams.map(
        (p) => p.name,
      );
      assert.deepEqual(names, ["enabled"]);
      assert.ok(
        (await forms()).every((f) => f.enabled),
        "nothing written",
      );
      assert.equal(
        (await ctx.admin.put("/api/v1/admin/web-forms/bestaat-niet", { enabled: false })).status,
        404,
      );
      const agent = await logInAs(ctx.app, "agent@formulieren.test");
      assert.equal((await agent.get("/api/v1/admin/web-forms")).status, 403);
      assert.equal(
        (await agent.put("/api/v1/admin/web-forms/algemene-vraag", { enabled: false })).status,
        403,
      );
      assert.equal((await ctx.app.request("/formulieren/formulieren/algemene-vraag")).status, 200);
    });
  });
}
