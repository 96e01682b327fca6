import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import {
  mailsTo,
  openCounter,
  residentWithQuestion,
} from "../features/appointments/appointments.test-helpers";
import { testBackends } from "../test-support/backends";
import { hiddenField, logIn, type PortalWorld, portalWorld } from "./portal.test-helpers";

type Browser = Awaited<ReturnType<typeof logIn>>;

/** The radio buttons' slot ids on a page, in order. */
const slotIds = (html: string) =>
  [...html.matchAll(/name="tijd" value="([0-9a-f-]{36})"/g)].map((m) => m[1] ?? "");

for (const backend of testBackends()) {
  describe(`residents' portal: counter appointments (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    let world: PortalWorld;
    let stadhuis: string;
    let jan: Browser;
    let janQuestion: string;
    let piet: Browser;
    let pietQuestion: string;
    const base = "/mijn/balie";

    before(async () => {
      database = await backend.open();
      world = await portalWorld(database, "balie");
      stadhuis = await openCounter(world, { name: "Stadhuis", capacity: 1 });
      await openCounter(world, { name: "Servicepunt Noord", capacity: 1, address: "Noorderplein 2" });
      janQuestion = (await residentWithQuestion(world, "jan@balie.test")).questionId;
      pietQuestion = (await residentWithQuestion(world, "piet@balie.test")).questionId;
      jan = await logIn(world, "jan@balie.test", "192.0.2.70");
      piet = await logIn(world, "piet@balie.test", "192.0.2.71");
    });
    after(async () => {
      await world.smtp.close();
      await database.drop();
    });

    const csrfOf = async (browser: Browser) =>
      hiddenField(await (await browser.get(`${base}/vragen`)).text(), "_csrf");
    const slotPage = async (browser: Browser, path: string) => {
      const response = await browser.get(path);
      assert.equal(response.status, 200);
      return response.text();
    };

    it("books from the question page: counter, a free time per day, then the confirmation", async () => {
      const question = await slotPage(jan, `${base}/vragen/${janQuestion}`);
      assert.match(question, /Maak een afspraak aan de balie/);
      assert.match(question, new RegExp(`href="${base}/vragen/${janQuestion}/afspraak"`));
      assert.match(question, new RegExp(`href="${base}/afspraken">Mijn afspraken</a>`));

      const locations = await slotPage(jan, `${base}/vragen/${janQuestion}/afspraak`);
      assert.match(locations, /Waar wilt u langskomen\?/);
      assert.match(locations, /Servicepunt Noord/);
      const slots = await slotPage(jan, `${base}/vragen/${janQuestion}/afspraak?locatie=${stadhuis}`);
      assert.match(slots, /<legend>Kies een dag en een tijd<\/legend>/);
      assert.match(slots, /<fieldset class="day"><legend>[a-z]+dag \d+ [a-z]+<\/legend>/);
      const [first] = slotIds(slots);
      assert.ok(first);

      const csrf = await csrfOf(jan);
      const nothing = await jan.post(`${base}/vragen/${janQuestion}/afspraak?locatie=${stadhuis}`, {
        _csrf: csrf,
      });
      assert.equal(nothing.status, 400);
      const nothingHtml = await nothing.text();
      assert.match(nothingHtml, /<title>Fout: /);
      assert.match(nothingHtml, new RegExp(`<a href="#tijd-${first}">Kies een tijd voor uw afspraak.</a>`));

      const booked = await jan.post(`${base}/vragen/${janQuestion}/afspraak?locatie=${stadhuis}`, {
        _csrf: csrf,
        tijd: first,
      });
      assert.equal(booked.status, 303, await booked.clone().text());
      const location = booked.headers.get("location") ?? "";
      assert.match(location, new RegExp(`^${base}/afspraken/[0-9a-f-]{36}\\?gedaan=geboekt$`));
      const confirmation = await slotPage(jan, location);
      assert.match(confirmation, /Uw afspraak is gemaakt\./);
      assert.match(confirmation, /Stadhuis/);
      assert.match(confirmation, /Neem een geldig paspoort/);

      const mine = await slotPage(jan, `${base}/afspraken`);
      assert.match(mine, /<h1>Mijn afspraken<\/h1>/);
      assert.match(mine, /Afspraak afzeggen/);
      assert.match(mine, /Afspraak verzetten/);
      // The confirmation is in the question's history, and went out by email.
      assert.match(
        await slotPage(jan, `${base}/vragen/${janQuestion}`),
        /U heeft een afspraak aan de balie op/,
      );
      await world.smtp.deliver(world.deps);
      assert.equal(
        (await mailsTo(world, "jan@balie.test")).filter((m) => /Uw afspraak aan de balie/.test(m)).length,
        1,
      );
    });

    it("says in plain Dutch when the time has just filled up", async () => {
      const slots = await slotPage(piet, `${base}/vragen/${pietQuestion}/afspraak?locatie=${stadhuis}`);
      const [row] = await database.query<{ slot_id: string }>(
        "SELECT slot_id::text FROM appointments WHERE status = 'booked'",
      );
      assert.ok(row);
      assert.ok(!slotIds(slots).includes(row.slot_id), "a full slot is not offered");
      const full = await piet.post(`${base}/vragen/${pietQuestion}/afspraak?locatie=${stadhuis}`, {
        _csrf: await csrfOf(piet),
        tijd: row.slot_id,
      });
      assert.equal(full.status, 409);
      assert.match(await full.text(), /Deze tijd is net vol geraakt\. Kies een andere tijd\./);
    });

    it("answers 404 for another resident's appointment or question, and refuses a post without the token", async () => {
      const [row] = await database.query<{ id: string }>(
        "SELECT id::text FROM appointments WHERE status = 'booked'",
      );
      assert.ok(row);
      assert.equal((await piet.get(`${base}/afspraken/${row.id}`)).status, 404);
      assert.equal((await piet.get(`${base}/afspraken/${row.id}/verzetten`)).status, 404);
      assert.equal(
        (await piet.post(`${base}/afspraken/${row.id}/afzeggen`, { _csrf: await csrfOf(piet) })).status,
        404,
      );
      assert.equal((await piet.get(`${base}/vragen/${janQuestion}/afspraak`)).status, 404);
      assert.equal((await jan.post(`${base}/afspraken/${row.id}/afzeggen`, { _csrf: "wrong" })).status, 403);
      assert.doesNotMatch(await slotPage(piet, `${base}/afspraken`), /Stadhuis/);
      assert.equal((await slotPage(jan, `${base}/afspraken`)).match(/Afspraak afzeggen/g)?.length, 1);
    });

    it("reschedules and cancels from Mijn afspraken, in English too", async () => {
      const [row] = await database.query<{ id: string }>(
        "SELECT id::text FROM appointments WHERE status = 'booked'",
      );
      assert.ok(row);
      const english = await slotPage(
        jan,
        `${base}/afspraken/${row.id}/verzetten?lang=en&locatie=${stadhuis}`,
      );
      assert.match(english, /<html lang="en"[ >]/);
      assert.match(english, /Your appointment is now on/);
      const later = await slotPage(jan, `${base}/afspraken/${row.id}/verzetten?locatie=${stadhuis}&week=1`);
      const [target] = slotIds(later);
      assert.ok(target);
      const moved = await jan.post(`${base}/afspraken/${row.id}/verzetten?locatie=${stadhuis}`, {
        _csrf: await csrfOf(jan),
        tijd: target,
      });
      assert.equal(moved.status, 303, await moved.clone().text());
      const movedTo = moved.headers.get("location") ?? "";
      assert.match(await slotPage(jan, movedTo), /Uw afspraak is verzet\./);
      assert.equal((await jan.get(`${base}/afspraken/${row.id}`)).status, 404, "the old appointment is gone");

      const newId = /afspraken\/([0-9a-f-]{36})/.exec(movedTo)?.[1] ?? "";
      const cancelled = await jan.post(`${base}/afspraken/${newId}/afzeggen`, { _csrf: await csrfOf(jan) });
      assert.equal(cancelled.status, 303);
      assert.equal(cancelled.headers.get("location"), `${base}/afspraken?gedaan=afgezegd`);
      const after = await slotPage(jan, `${base}/afspraken?gedaan=afgezegd`);
      assert.match(after, /Uw afspraak is afgezegd\./);
      assert.match(after, /U heeft geen afspraken aan de balie\./);
      const actions = await database.query<{ action: string; actor_type: string }>(
        "SELECT DISTINCT action, actor_type FROM audit_events WHERE action LIKE 'portal.appointment%' ORDER BY action",
      );
      assert.deepEqual(
        actions.map((a) => a.action),
        [
          "portal.appointment.book",
          "portal.appointment.cancel",
          "portal.appointment.read",
          "portal.appointment.reschedule",
          "portal.appointments.list",
        ],
      );
      assert.ok(actions.every((a) => a.actor_type === "resident"));
    });
  });
}
