import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { adminTestContext } from "../../test-support/admin-test-context";
import { testBackends } from "../../test-support/backends";
import { logInAs } from "../../test-support/harness";
import { tenantSettings } from "../organisation";
import { routingWeights } from "../routing/routing-facts";

type Problem = { status: number; invalidParams?: Array<{ name: string }> };
type Norm = { topicId: string; channel: string; workingMinutes: number; label: string };

for (const backend of testBackends()) {
  describe(`admins set routing weights and service norms (${backend.name})`, () => {
    const ctx = adminTestContext(backend, "routering");

    it("shows the default weights, saves new ones that routing then uses, and keeps other settings", async () => {
      await ctx.admin.put("/api/v1/admin/channel-settings", {
        email: { addresses: ["info@routering.test"], from: "Gemeente <info@routering.test>" },
      });
      const shown = (await (await ctx.admin.get("/api/v1/admin/routing-weights")).json()) as {
        weights: Record<string, number>;
      };
      assert.equal(shown.weights.phone, 1);
      const weights = { phone: 1, chat: 0.5, email: 0.25, other: 0.1 };
      const saved = await ctx.admin.put("/api/v1/admin/routing-weights", weights);
      assert.equal(saved.status, 200);
      assert.deepEqual(((await saved.json()) as { weights: unknown }).weights, weights);
      assert.deepEqual(await routingWeights(ctx.database.db, ctx.tenant.tenantId), weights);
      const channels = (await (await ctx.admin.get("/api/v1/admin/channel-settings")).json()) as {
        email?: { addresses: string[] };
      };
      assert.deepEqual(channels.email?.addresses, ["info@routering.test"], "other settings stay");
    });

    it("refuses a weight of 0 or above 1, naming the channel, and writes nothing", async () => {
      const before = await routingWeights(ctx.database.db, ctx.tenant.tenantId);
      const response = await ctx.admin.put("/api/v1/admin/routing-weights", {
        phone: 0,
        chat: 2,
        email: 0.1,
        other: 0.1,
      });
      assert.equal(response.status, 400);
      const names = ((await response.json()) as Problem).invalidParams?.map((p) => p.name);
      assert.deepEqual(names, ["phone", "chat"]);
      assert.deepEqual(await routingWeights(ctx.database.db, ctx.tenant.tenantId), before);
    });

    it("saves service norms per topic and channel that due times then follow", async () => {
      const items: Norm[] = [
        { topicId: "*", channel: "*", workingMinutes: 2550, label: "Antwoord binnen 5 werkdagen" },
        {
          topicId: "afval",
          channel: "phone",
          workingMinutes: 510,
          label: "Afval per telefoon binnen 1 werkdag",
        },
      ];
      const response = await ctx.admin.put("/api/v1/admin/service-norms", { items });
      assert.equal(response.status, 200);
      assert.deepEqual(((await response.json()) as { items: Norm[] }).items, items);
      assert.deepEqual((await tenantSettings(ctx.database.db, ctx.tenant.tenantId)).serviceNorms, items);
      const shown = (await (await ctx.admin.get("/api/v1/admin/service-norms")).json()) as {
        items: Norm[];
        defaults: Norm[];
      };
      assert.deepEqual(shown.items, items);
      assert.ok(shown.defaults.length > 0);
    });

    it("refuses bad norms, naming each field, and writes nothing", async () => {
      const before = (await tenantSettings(ctx.database.db, ctx.tenant.tenantId)).serviceNorms;
      const bad = await ctx.admin.put("/api/v1/admin/service-norms", {
        items: [
          { topicId: "*", channel: "*", workingMinutes: 0, label: "Nul" },
          { topicId: "bestaat-niet", channel: "duif", workingMinutes: 1.5, label: "" },
        ],
      });
      assert.equal(bad.status, 400);
      const names = ((await bad.json()) as Problem).invalidParams?.map((p) => p.name) ?? [];
      for (const name of ["items.0.workingMinutes", "items.1.topicId", "items.1.channel", "items.1.label"])
        assert.ok(names.includes(name), `${name} in ${names.join(", ")}`);

      const double = await ctx.admin.put("/api/v1/admin/service-norms", {
        items: [
          { topicId: "afval", channel: "email", workingMinutes: 60, label: "Een uur" },
          { topicId: "afval", channel: "email", workingMinutes: 120, label: "Twee uur" },
        ],
      });
      assert.equal(double.status, 400);
      const doubleNames = ((await double.json()) as Problem).invalidParams?.map((p) => p.name);
      assert.deepEqual(doubleNames, ["items.1.channel", "items"], "a duplicate and the missing catch-all");
      assert.deepEqual((await tenantSettings(ctx.database.db, ctx.tenant.tenantId)).serviceNorms, before);
    });

    it("refuses non-admins", async () => {
      const agent = await logInAs(ctx.app, "agent@routering.test");
      assert.equal((await agent.get("/api/v1/admin/routing-weights")).status, 403);
      assert.equal(
        (await agent.put("/api/v1/admin/routing-weights", { phone: 1, chat: 1, email: 1, other: 1 })).status,
        403,
      );
      assert.equal((await agent.get("/api/v1/admin/service-norms")).status, 403);
      assert.equal(
        (
          await agent.put("/api/v1/admin/service-norms", {
            items: [{ topicId: "*", channel: "*", workingMinutes: 1, label: "Stiekem" }],
          })
        ).status,
        403,
      );
    });
  });
}
