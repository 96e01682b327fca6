import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { adminTestContext } from "../../test-support/admin-test-context";
import { testBackends } from "../../test-support/backends";
import { logInAs } from "../../test-support/harness";

type Problem = { status: number; detail: string; invalidParams?: Array<{ name: string }> };

for (const backend of testBackends()) {
  describe(`admins add counters that take appointments; their slots are generated (${backend.name})`, () => {
    const ctx = adminTestContext(backend, "balies");
    const counter = {
      name: "Stadhuis",
      address: "Marktplein 1\n1234 AB Teststad",
      weeklyPattern: [
        { weekday: 1, from: "09:00", until: "12:00" },
        { weekday: 3, from: "13:00", until: "14:00" },
      ],
      slotMinutes: 30,
      slotCapacity: 2,
    };

    it("adds a counter with its weekly pattern and generates its slots for the coming weeks", async () => {
      const response = await ctx.admin.post("/api/v1/admin/counter-locations", counter);
      assert.equal(response.status, 201, await response.clone().text());
      const body = (await response.json()) as {
        location: { id: string; active: boolean };
        slotsCreated: number;
      };
      assert.equal(body.location.active, true);
      // Four weeks of Mondays (6 slots) and Wednesdays (2 slots), less any public holiday.
      assert.ok(body.slotsCreated >= 24 && body.slotsCreated <= 32, `${body.slotsCreated} slots`);
      const [{ capacity } = { capacity: 0 }] = await ctx.database.query<{ capacity: number }>(
        "SELECT DISTINCT capacity FROM appointment_slots WHERE location_id = $1",
        [body.location.id],
      );
      assert.equal(capacity, 2);
      const list = await ctx.admin.get("/api/v1/admin/counter-locations");
      assert.equal(list.status, 200);
      const { items } = (await list.json()) as { items: Array<{ name: string; weeklyPattern: unknown }> };
      assert.deepEqual(
        items.map((i) => [i.name, i.weeklyPattern]),
        [["Stadhuis", counter.weeklyPattern]],
      );
    });

    it("refuses opening hours that end before they begin, naming the field, and an employee who is no admin", async () => {
      const response = await ctx.admin.post("/api/v1/admin/counter-locations", {
        ...counter,
        weeklyPattern: [{ weekday: 2, from: "12:00", until: "09:00" }],
      });
      assert.equal(response.status, 400);
      const problem = (await response.json()) as Problem;
      assert.deepEqual(
        problem.invalidParams?.map((p) => p.name),
        ["weeklyPattern.0"],
      );
      const agent = await logInAs(ctx.app, "agent@balies.test");
      assert.equal((await agent.post("/api/v1/admin/counter-locations", counter)).status, 403);
    });
  });
}
