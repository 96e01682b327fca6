import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { type PortalWorld, portalWorld } from "../../portal/portal.test-helpers";
import { testBackends } from "../../test-support/backends";
import { bookedCount } from "./appointment-steps";
import { mailsTo, openCounter, residentWithQuestion } from "./appointments.test-helpers";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { generateSlots } from "./generate-slots";
import { getMyAppointment } from "./get-my-appointment";
import { type FreeSlot, listFreeSlots } from "./list-free-slots";
import { listMyAppointments } from "./list-my-appointments";
import { rescheduleAppointment } from "./reschedule-appointment";
import { sendAppointmentReminders } from "./send-appointment-reminders";

const HOUR = 3_600_000;

for (const backend of testBackends()) {
  describe(`counter appointments (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    let single: string;
    let shared: string;
    let jan: Awaited<ReturnType<typeof residentWithQuestion>>;
    let piet: Awaited<ReturnType<typeof residentWithQuestion>>;
    const deps = () => ({ db: world.deps.database.db, clock: world.deps.clock });
    const tenantId = () => world.tenant.tenantId;

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, "afspraak");
      single = await openCounter(world, { name: "Stadhuis", capacity: 1 });
      shared = await openCounter(world, { name: "Servicepunt Noord", capacity: 2 });
      jan = await residentWithQuestion(world, "jan@afspraak.test");
      piet = await residentWithQuestion(world, "piet@afspraak.test");
    });
    after(async () => {
      await world.smtp.close();
      await database.drop();
    });

    const freeSlots = async (locationId: string, week = 0): Promise<FreeSlot[]> => {
      const free = await listFreeSlots(deps(), { tenantId: tenantId(), locationId, week });
      assert.ok(free);
      return free.days.flatMap((d) => d.slots);
    };

    it("generates slots from the weekly pattern once: a second run adds nothing", async () => {
      const slots = await freeSlots(single);
      assert.ok(slots.length >= 12, `${slots.length} slots in a week`);
      const [first] = slots;
      assert.ok(first);
      assert.equal(first.endsAt.getTime() - first.startsAt.getTime(), 30 * 60_000);
      const again = await generateSlots(
        { db: database.db },
        { tenantId: tenantId(), now: world.deps.clock() },
      );
      assert.equal(again.created, 0);
    });

    it("books a slot for the resident's question and confirms it in that question on their channel", async () => {
      const [slot] = await freeSlots(single);
      assert.ok(slot);
      const result = await bookAppointment(deps(), jan.resident, {
        questionId: jan.questionId,
        slotId: slot.id,
      });
      assert.ok(result?.ok);
      const [appointment] = await listMyAppointments(deps(), jan.resident);
      assert.equal(appointment?.questionId, jan.questionId);
      assert.equal(appointment?.locationName, "Stadhuis");
      // The confirmation is an outbound message of the same question, sent by email through the outbox.
      const history = await database.query<{
        channel: string;
        direction: string;
        metadata: { kind: string };
      }>(
        "SELECT channel, direction, metadata FROM interactions WHERE question_id = $1 ORDER BY occurred_at",
        [jan.questionId],
      );
      const confirmation = history.find((h) => h.metadata.kind === "appointment-confirmation");
      assert.equal(confirmation?.channel, "email");
      assert.equal(confirmation?.direction, "outbound");
      await world.smtp.deliver(world.deps);
      const mails = await mailsTo(world, "jan@afspraak.test");
      assert.equal(mails.filter((m) => /U heeft een afspraak aan de balie op/.test(m)).length, 1);
      assert.match(mails.join("\n"), /Stadhuis/);
      const audits = await database.query<{ actor_type: string; purpose: string }>(
        "SELECT actor_type, purpose FROM audit_events WHERE action = 'portal.appointment.book'",
      );
      assert.deepEqual(audits, [{ actor_type: "resident", purpose: "resident-self-service" }]);
      // The full slot is no longer offered.
      assert.ok(!(await freeSlots(single)).some((s) => s.id === slot.id));
    });

    it("refuses a full slot, and a cancellation frees the place again", async () => {
      const [appointment] = await listMyAppointments(deps(), jan.resident);
      assert.ok(appointment);
      const [row] = await database.query<{ slot_id: string }>(
        "SELECT slot_id::text FROM appointments WHERE id = $1",
        [appointment.id],
      );
      const slotId = row?.slot_id ?? "";
      const full = await bookAppointment(deps(), piet.resident, { questionId: piet.questionId, slotId });
      assert.deepEqual(full, { ok: false, reason: "full" });

      assert.deepEqual(await cancelAppointment(deps(), jan.resident, { appointmentId: appointment.id }), {
        ok: true,
      });
      assert.equal(await bookedCount(database.db, slotId), 0);
      assert.deepEqual(await listMyAppointments(deps(), jan.resident), []);
      const booked = await bookAppointment(deps(), piet.resident, { questionId: piet.questionId, slotId });
      assert.ok(booked?.ok);
      // Cancelling twice: the appointment is no longer there to cancel.
      assert.equal(await cancelAppointment(deps(), jan.resident, { appointmentId: appointment.id }), null);
    });

    it("never shows or changes another resident's appointment, nor books on someone else's question", async () => {
      const [mine] = await listMyAppointments(deps(), piet.resident);
      assert.ok(mine);
      assert.equal(await getMyAppointment(deps(), jan.resident, mine.id), null);
      assert.equal(await cancelAppointment(deps(), jan.resident, { appointmentId: mine.id }), null);
      const [slot] = await freeSlots(shared);
      assert.ok(slot);
      assert.equal(
        await rescheduleAppointment(deps(), jan.resident, { appointmentId: mine.id, slotId: slot.id }),
        null,
      );
      assert.equal(
        await bookAppointment(deps(), jan.resident, { questionId: piet.questionId, slotId: slot.id }),
        null,
      );
      assert.equal(await bookedCount(database.db, slot.id), 0);
    });

    it("reschedules atomically: the new place taken, the old one freed, in the same question", async () => {
      const [mine] = await listMyAppointments(deps(), piet.resident);
      assert.ok(mine);
      const [target] = await freeSlots(shared, 1);
      assert.ok(target);
      const moved = await rescheduleAppointment(deps(), piet.resident, {
        appointmentId: mine.id,
        slotId: target.id,
      });
      assert.ok(moved?.ok);
      const now = await listMyAppointments(deps(), piet.resident);
      assert.equal(now.length, 1);
      assert.equal(now[0]?.locationName, "Servicepunt Noord");
      assert.equal(now[0]?.questionId, piet.questionId);
      assert.equal(await bookedCount(database.db, target.id), 1);
      // A move to a full slot leaves the appointment as it was.
      const [other] = (await freeSlots(single, 1)).slice(1);
      assert.ok(other);
      assert.ok(
        (await bookAppointment(deps(), jan.resident, { questionId: jan.questionId, slotId: other.id }))?.ok,
      );
      const refused = await rescheduleAppointment(deps(), piet.resident, {
        appointmentId: now[0]?.id ?? "",
        slotId: other.id,
      });
      assert.deepEqual(refused, { ok: false, reason: "full" });
      assert.equal((await listMyAppointments(deps(), piet.resident))[0]?.id, now[0]?.id);
    });

    it("sends the reminder the day before, once, on the resident's channel", async () => {
      const [appointment] = await listMyAppointments(deps(), piet.resident);
      assert.ok(appointment);
      assert.equal((await sendAppointmentReminders(deps(), { tenantId: tenantId() })).reminded, 0);
      const before = (await mailsTo(world, "piet@afspraak.test")).length;
      const offset = appointment.startsAt.getTime() - 23 * HOUR - world.deps.clock().getTime();
      let extra = 0;
      world.advance(offset);
      try {
        // Every booked appointment that starts within a day is reminded: Piet's, and Jan's when the
        // earlier tests' free slots put it on the same day (that depends on the hour the test runs).
        const [due] = await database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM appointments a JOIN appointment_slots s ON s.id = a.slot_id
            WHERE a.status = 'booked' AND s.starts_at > $1 AND s.starts_at <= $2`,
          [world.deps.clock(), new Date(world.deps.clock().getTime() + 24 * HOUR)],
        );
        assert.ok((due?.n ?? 0) >= 1);
        assert.equal((await sendAppointmentReminders(deps(), { tenantId: tenantId() })).reminded, due?.n);
        assert.equal((await sendAppointmentReminders(deps(), { tenantId: tenantId() })).reminded, 0);
        await world.smtp.deliver(world.deps);
        await world.smtp.deliver(world.deps);
        const mails = (await mailsTo(world, "piet@afspraak.test")).slice(before);
        assert.equal(
          mails.filter((m) => /Herinnering: uw afspraak morgen/.test(m)).length,
          1,
          mails.join("\n---\n"),
        );
        const [reminder] = await database.query<{ channel: string; question_id: string }>(
          "SELECT channel, question_id::text FROM interactions WHERE metadata->>'kind' = 'appointment-reminder' AND metadata->>'appointmentId' = $1",
          [appointment.id],
        );
        assert.deepEqual(reminder, { channel: "email", question_id: piet.questionId });
        // Once it has begun it can no longer be cancelled or moved from the portal.
        extra = 24 * HOUR;
        world.advance(extra);
        assert.equal(await cancelAppointment(deps(), piet.resident, { appointmentId: appointment.id }), null);
        assert.equal((await listMyAppointments(deps(), piet.resident)).length, 0);
      } finally {
        world.advance(-offset - extra);
      }
    });

    it("never gives more places than a slot has, however many book at the same moment", async () => {
      const residents = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((n) => residentWithQuestion(world, `rush${n}@afspraak.test`)),
      );
      const [slot] = (await freeSlots(shared, 2)).filter((s) => s.free === 2);
      assert.ok(slot);
      const results = await Promise.all(
        residents.map((r) =>
          bookAppointment(deps(), r.resident, { questionId: r.questionId, slotId: slot.id }),
        ),
      );
      assert.equal(results.filter((r) => r?.ok).length, 2);
      assert.equal(results.filter((r) => r && !r.ok && r.reason === "full").length, 4);
      assert.equal(await bookedCount(database.db, slot.id), 2);
    });
  });
}
