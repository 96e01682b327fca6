import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { adminTestContext } from "../../test-support/admin-test-context";
import { testBackends } from "../../test-support/backends";
import { createTestTenant, logInAs, logInAsAdmin } from "../../test-support/harness";

type CannedText = { id: string; name: string; body: string };
type Answer = { id: string; title: string; topicId: string | null; updatedAt: string };
type Problem = { status: number; code: string; invalidParams?: Array<{ name: string }> };

for (const backend of testBackends()) {
  describe(`admins manage knowledge answers and canned texts (${backend.name})`, () => {
    const ctx = adminTestContext(backend, "kennis");

    const canned = async () =>
      ((await (await ctx.admin.get("/api/v1/canned-texts")).json()) as { items: CannedText[] }).items;

    it("lists every knowledge answer by title for editors", async () => {
      for (const title of ["Zwerfafval melden", "Afvalpas aanvragen"]) {
        const created = await ctx.admin.post("/api/v1/knowledge-answers", {
          title,
          body: "Zo werkt het.",
          topicId: "afval",
        });
        assert.equal(created.status, 201);
      }
      const response = await ctx.admin.get("/api/v1/knowledge-answers");
      assert.equal(response.status, 200);
      const { items } = (await response.json()) as { items: Answer[] };
      assert.deepEqual(
        items.map((a) => a.title),
        ["Afvalpas aanvragen", "Zwerfafval melden"],
      );
      const agent = await logInAs(ctx.app, "agent@kennis.test");
      assert.equal((await agent.get("/api/v1/knowledge-answers")).status, 403);
    });

    it("creates and edits a canned text with known variables", async () => {
      const created = await ctx.admin.post("/api/v1/canned-texts", {
        name: "Ontvangst",
        body: "Beste {{voornaam}}, wij hebben uw vraag {{kenmerk}} ontvangen.",
      });
      assert.equal(created.status, 201);
      const text = (await created.json()) as CannedText;
      assert.equal(text.name, "Ontvangst");
      const edited = await ctx.admin.put(`/api/v1/canned-texts/${text.id}`, {
        name: "Ontvangstbevestiging",
        body: "Beste {{ voornaam }}, uw vraag over {{onderwerp}} is binnen.",
      });
      assert.equal(edited.status, 200);
      assert.deepEqual(await canned(), [
        {
          id: text.id,
          name: "Ontvangstbevestiging",
          body: "Beste {{ voornaam }}, uw vraag over {{onderwerp}} is binnen.",
        },
      ]);
    });

    it("refuses an empty name, an unknown variable and a taken name, and writes nothing", async () => {
      const before = await canned();
      const empty = await ctx.admin.post("/api/v1/canned-texts", { name: "", body: "" });
      assert.equal(empty.status, 400);
      const names = ((await empty.json()) as Problem).invalidParams?.map((p) => p.name);
      assert.deepEqual(names, ["name", "body"]);
      const typo = await ctx.admin.post("/api/v1/canned-texts", { name: "Typo", body: "Beste {{voornam}}," });
      assert.equal(typo.status, 400);
      assert.deepEqual(
        ((await typo.json()) as Problem).invalidParams?.map((p) => p.name),
        ["body"],
      );
      const taken = await ctx.admin.post("/api/v1/canned-texts", {
        name: "Ontvangstbevestiging",
        body: "Dubbel",
      });
      assert.equal(taken.status, 409);
      const [first] = before;
      const edit = await ctx.admin.put(`/api/v1/canned-texts/${first?.id}`, {
        name: first?.name,
        body: "{{bsn}}",
      });
      assert.equal(edit.status, 400);
      assert.deepEqual(await canned(), before);
    });

    it("answers 404 for another municipality's or an unknown canned text, and 403 for agents", async () => {
      const unknown = "00000000-0000-4000-8000-000000000000";
      assert.equal(
        (await ctx.admin.put(`/api/v1/canned-texts/${unknown}`, { name: "Naam", body: "Tekst" })).status,
        404,
      );
      const other = await createTestTenant(ctx.database, "kennis-elders");
      const otherAdmin = await logInAsAdmin(
        ctx.app,
        ctx.database,
        other.tenantId,
        "beheer@kennis-elders.test",
      );
      const [mine] = await canned();
      assert.equal(
        (await otherAdmin.put(`/api/v1/canned-texts/${mine?.id}`, { name: "Overgenomen", body: "Tekst" }))
          .status,
        404,
      );
      const agent = await logInAs(ctx.app, "agent@kennis.test");
      assert.equal((await agent.post("/api/v1/canned-texts", { name: "Agent", body: "Tekst" })).status, 403);
      assert.equal(
        (await agent.put(`/api/v1/canned-texts/${mine?.id}`, { name: "Agent", body: "Tekst" })).status,
        403,
      );
      assert.equal((await canned()).length, 1);
    });
  });
}
