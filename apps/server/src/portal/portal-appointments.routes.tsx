import type { Context } from "hono";
import {
  type AppointmentResult,
  BOOKING_WEEKS,
  bookAppointment,
  cancelAppointment,
  getMyAppointment,
  listCounterLocations,
  listFreeSlots,
  listMyAppointments,
  type MyAppointment,
  rescheduleAppointment,
} from "../features/appointments";
import { getMyQuestion } from "../features/portal";
import type { App } from "../platform/http/types";
import { appointmentMessages } from "./appointment-messages";
import {
  AppointmentPage,
  appointmentWhen,
  ChooseLocationPage,
  ChooseSlotPage,
  MyAppointmentsPage,
} from "./appointment-pages";
import { first, type LoggedIn, PORTAL_PATH, type PortalContext, withParam } from "./portal-context";

/**
 * Counter appointments: from one of the resident's own questions choose a counter and a free time,
 * see the confirmation, and under "Mijn afspraken" reschedule or cancel. The appointment belongs to the
 * question, so confirmation, reminder and cancellation show in its history. Plain forms, no JavaScript.
 */
export function registerAppointmentRoutes(app: App, portal: PortalContext) {
  const { deps, html, notFound, limited, residentPost, loggedInPage } = portal;
  const db = deps.database.db;
  const useCase = { db, clock: deps.clock };
  const frame = (ctx: LoggedIn) => ({
    links: ctx.links,
    csrf: ctx.resident.csrfToken,
    logout: ctx.links.href("uitloggen"),
  });
  const weekOf = (c: Context) => Math.max(0, Math.min(BOOKING_WEEKS - 1, Number(c.req.query("week")) || 0));
  const refusal = (lang: "nl" | "en", result: Extract<AppointmentResult, { ok: false }>) => {
    const a = appointmentMessages[lang];
    if (result.reason === "full") return a.slotFull;
    if (result.reason === "already-booked") return a.alreadyBooked;
    if (result.reason === "no-slot") return a.chooseSlot;
    return a.slotUnavailable;
  };

  /**
   * The two steps for a booking or a reschedule: without ?locatie the counters (skipped when there is
   * only one), with it the free times of one week at that counter.
   */
  const chooser = async (
    c: Context,
    ctx: LoggedIn,
    setup: {
      base: string;
      title: string;
      intro: string[];
      back: { href: string; text: string };
      submit: string;
      error?: { message: string; locationId: string; chosen?: string };
    },
  ) => {
    const locations = await listCounterLocations(db, ctx.resident.tenantId);
    const locationId =
      setup.error?.locationId ||
      c.req.query("locatie") ||
      (locations.length === 1 ? locations[0]?.id : undefined);
    const page = ctx.links.href(setup.base);
    if (!locationId)
      return html(
        c,
        200,
        <ChooseLocationPage
          {...frame(ctx)}
          title={setup.title}
          intro={setup.intro}
          back={setup.back}
          locations={locations}
          locationHref={(id) => withParam(page, "locatie", id)}
        />,
      );
    const week = setup.error ? 0 : weekOf(c);
    const free = await listFreeSlots(useCase, { tenantId: ctx.resident.tenantId, locationId, week });
    if (!free) return notFound(c, ctx.tenant.slug);
    const atLocation = withParam(page, "locatie", free.location.id);
    return c.html(
      <ChooseSlotPage
        {...frame(ctx)}
        title={setup.title}
        intro={setup.intro}
        back={setup.back}
        location={free.location}
        days={free.days}
        week={week}
        weeks={BOOKING_WEEKS}
        weekHref={(n) => withParam(atLocation, "week", String(n))}
        otherLocationHref={locations.length > 1 ? page : null}
        action={withParam(page, "locatie", free.location.id)}
        submit={setup.submit}
        chosen={setup.error?.chosen}
        error={setup.error ? { field: "tijd", message: setup.error.message } : undefined}
      />,
      setup.error ? (setup.error.chosen ? 409 : 400) : 200,
    );
  };

  const bookSetup = async (ctx: LoggedIn, questionId: string) => {
    const question = await getMyQuestion(useCase, ctx.resident, questionId);
    // Only one's own questions (those of whom one represents are read-only): anything else is a 404.
    if (!question?.continueWith) return null;
    const a = appointmentMessages[ctx.links.lang];
    return {
      base: `vragen/${question.id}/afspraak`,
      title: a.bookTitle,
      intro: [a.forQuestion(question.reference)],
      back: { href: ctx.links.href(`vragen/${question.id}`), text: a.toQuestion },
      submit: a.book,
    };
  };

  const rescheduleSetup = (ctx: LoggedIn, appointment: MyAppointment) => {
    const a = appointmentMessages[ctx.links.lang];
    return {
      base: `afspraken/${appointment.id}/verzetten`,
      title: a.rescheduleTitle,
      intro: [
        a.current(
          appointmentWhen(ctx.links.lang, appointment.startsAt, appointment.endsAt),
          appointment.locationName,
        ),
      ],
      back: { href: ctx.links.href(`afspraken/${appointment.id}`), text: a.bookedTitle },
      submit: a.moveTo,
    };
  };

  app.get(`${PORTAL_PATH}/vragen/:questionId/afspraak`, (c) =>
    loggedInPage(c, async (ctx) => {
      const setup = await bookSetup(ctx, c.req.param("questionId") ?? "");
      if (!setup) return notFound(c, ctx.tenant.slug);
      return chooser(c, ctx, setup);
    }),
  );

  app.use(`${PORTAL_PATH}/vragen/:questionId/afspraak`, limited);
  app.post(`${PORTAL_PATH}/vragen/:questionId/afspraak`, (c) =>
    residentPost(c, async (ctx) => {
      const questionId = c.req.param("questionId") ?? "";
      const slotId = first(ctx.body, "tijd").slice(0, 40);
      const locationId = c.req.query("locatie") ?? "";
      const result = slotId
        ? await bookAppointment(useCase, ctx.resident, { questionId, slotId })
        : ({ ok: false, reason: "no-slot" } as const);
      if (result === null) return notFound(c, ctx.tenant.slug);
      if (result.ok)
        return c.redirect(
          withParam(ctx.links.href(`afspraken/${result.appointmentId}`), "gedaan", "geboekt"),
          303,
        );
      const setup = await bookSetup(ctx, questionId);
      if (!setup) return notFound(c, ctx.tenant.slug);
      return chooser(c, ctx, {
        ...setup,
        error: {
          message: refusal(ctx.links.lang, result),
          locationId,
          chosen: result.reason === "no-slot" ? undefined : slotId,
        },
      });
    }),
  );

  app.get(`${PORTAL_PATH}/afspraken`, (c) =>
    loggedInPage(c, async (ctx) => {
      const a = appointmentMessages[ctx.links.lang];
      const appointments = await listMyAppointments(useCase, ctx.resident);
      const notice = c.req.query("gedaan") === "afgezegd" ? a.cancelled : undefined;
      return html(c, 200, <MyAppointmentsPage {...frame(ctx)} appointments={appointments} notice={notice} />);
    }),
  );

  app.get(`${PORTAL_PATH}/afspraken/:appointmentId`, (c) =>
    loggedInPage(c, async (ctx) => {
      const a = appointmentMessages[ctx.links.lang];
      const appointment = await getMyAppointment(useCase, ctx.resident, c.req.param("appointmentId") ?? "");
      if (!appointment) return notFound(c, ctx.tenant.slug);
      const done = c.req.query("gedaan");
      const notice = done === "geboekt" ? a.booked : done === "verzet" ? a.moved : undefined;
      return html(c, 200, <AppointmentPage {...frame(ctx)} appointment={appointment} notice={notice} />);
    }),
  );

  app.use(`${PORTAL_PATH}/afspraken/:appointmentId/afzeggen`, limited);
  app.post(`${PORTAL_PATH}/afspraken/:appointmentId/afzeggen`, (c) =>
    residentPost(c, async (ctx) => {
      const result = await cancelAppointment(useCase, ctx.resident, {
        appointmentId: c.req.param("appointmentId") ?? "",
      });
      if (!result) return notFound(c, ctx.tenant.slug);
      return c.redirect(withParam(ctx.links.href("afspraken"), "gedaan", "afgezegd"), 303);
    }),
  );

  app.get(`${PORTAL_PATH}/afspraken/:appointmentId/verzetten`, (c) =>
    loggedInPage(c, async (ctx) => {
      const appointment = await getMyAppointment(useCase, ctx.resident, c.req.param("appointmentId") ?? "");
      if (!appointment) return notFound(c, ctx.tenant.slug);
      return chooser(c, ctx, rescheduleSetup(ctx, appointment));
    }),
  );

  app.use(`${PORTAL_PATH}/afspraken/:appointmentId/verzetten`, limited);
  app.post(`${PORTAL_PATH}/afspraken/:appointmentId/verzetten`, (c) =>
    residentPost(c, async (ctx) => {
      const appointmentId = c.req.param("appointmentId") ?? "";
      const slotId = first(ctx.body, "tijd").slice(0, 40);
      const locationId = c.req.query("locatie") ?? "";
      const appointment = await getMyAppointment(useCase, ctx.resident, appointmentId);
      if (!appointment) return notFound(c, ctx.tenant.slug);
      const result = slotId
        ? await rescheduleAppointment(useCase, ctx.resident, { appointmentId, slotId })
        : ({ ok: false, reason: "no-slot" } as const);
      if (result === null) return notFound(c, ctx.tenant.slug);
      if (result.ok)
        return c.redirect(
          withParam(ctx.links.href(`afspraken/${result.appointmentId}`), "gedaan", "verzet"),
          303,
        );
      return chooser(c, ctx, {
        ...rescheduleSetup(ctx, appointment),
        error: {
          message: refusal(ctx.links.lang, result),
          locationId,
          chosen: result.reason === "no-slot" ? undefined : slotId,
        },
      });
    }),
  );
}
