import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Database, schema } from "@omniloket/db";
import { type PortalWorld, portalWorld } from "../../portal/portal.test-helpers";
import { testBackends } from "../../test-support/backends";
import { until } from "../workspace/browser-test-support";
import { mailsTo, residentWithQuestion } from "./appointments.test-helpers";
import { requestAppointmentsRun, startAppointmentsWorker } from "./appointments-worker";
import { bookAppointment } from "./book-appointment";
import { listFreeSlots } from "./list-free-slots";

const HOUR = 3_600_000;

for (const backend of testBackends()) {
  describe(`appointments worker: slots from the weekly pattern, the reminder the day before, once (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    let worker: ReturnType<typeof startAppointmentsWorker>;
    let locationId: string;
    const slotCount = async () =>
      (
        await database.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM appointment_slots WHERE location_id = $1",
          [locationId],
        )
      )[0]?.n ?? 0;

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, "herinnering");
      const [location] = await database.db
        .insert(schema.counterLocations)
        .values({
          tenantId: world.tenant.tenantId,
          name: "Stadhuis",
          address: "Marktplein 1",
          weeklyPattern: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: "09:00", until: "11:00" })),
          slotMinutes: 20,
          slotCapacity: 3,
        })
        .returning({ id: schema.counterLocations.id });
      locationId = location?.id ?? "";
      // The sweep is far away: only the run after start and the requested runs happen in this test.
      worker = startAppointmentsWorker(world.deps, { sweepMs: 0, settleMs: 20 });
      await worker.ready;
    });
    after(async () => {
      await worker?.stop();
      await world?.smtp.close();
      await database?.drop();
    });

    it("generates four weeks of slots after start, from the counter's weekly pattern", async () => {
      await until(async () => (await slotCount()) > 0, "slots generated");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const n = await slotCount();
      // About 20 working days (public holidays left out) × 6 slots of 20 minutes from 9 to 11.
      assert.equal(n % 6, 0);
      assert.ok(n >= 15 * 6 && n <= 20 * 6, `${n} slots`);
      const times = await database.query<{ t: string; dow: number }>(
        `SELECT DISTINCT to_char(starts_at AT TIME ZONE 'Europe/Amsterdam', 'HH24:MI') AS t,
                extract(isodow FROM starts_at AT TIME ZONE 'Europe/Amsterdam')::int AS dow
           FROM appointment_slots WHERE location_id = $1`,
        [locationId],
      );
      assert.deepEqual([...new Set(times.map((r) => r.t))].sort(), [
        "09:00",
        "09:20",
        "09:40",
        "10:00",
        "10:20",
        "10:40",
      ]);
      assert.ok(times.every((r) => r.dow >= 1 && r.dow <= 5));
    });

    it("sends the reminder on the resident's channel from 24 hours before, once", async () => {
      const { resident, questionId } = await residentWithQuestion(world, "els@herinnering.test");
      const free = await listFreeSlots(
        { db: database.db, clock: world.deps.clock },
        { tenantId: world.tenant.tenantId, locationId, week: 1 },
      );
      const slot = free?.days[0]?.slots[0];
      assert.ok(slot);
      assert.ok(
        (
          await bookAppointment({ db: database.db, clock: world.deps.clock }, resident, {
            questionId,
            slotId: slot.id,
          })
        )?.ok,
      );
      const reminderRows = async () =>
        (
          await database.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM appointments WHERE reminder_sent_at IS NOT NULL",
          )
        )[0]?.n ?? 0;

      await requestAppointmentsRun(database.db, world.tenant.tenantId);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await reminderRows(), 0, "a week ahead: no reminder yet");

      world.advance(slot.startsAt.getTime() - 23 * HOUR - world.deps.clock().getTime());
      await requestAppointmentsRun(database.db, world.tenant.tenantId);
      await until(async () => (await reminderRows()) === 1, "reminder sent");
      await requestAppointmentsRun(database.db, world.tenant.tenantId);
      await requestAppointmentsRun(database.db, world.tenant.tenantId);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await world.smtp.deliver(world.deps);
      const reminders = (await mailsTo(world, "els@herinnering.test")).filter((m) =>
        /Herinnering: uw afspraak morgen/.test(m),
      );
      assert.equal(reminders.length, 1);
      assert.match(reminders[0] ?? "", /Marktplein 1/);
    });
  });
}
