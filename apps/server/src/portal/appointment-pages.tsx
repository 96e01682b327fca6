import type { CounterLocation, FreeDay, MyAppointment } from "../features/appointments";
import { appointmentMessages } from "./appointment-messages";
import { dayText, type Lang, messages, slotText } from "./messages";
import type { FormProblem } from "./portal-forms";
import { ErrorSummary, LoggedIn, Page, type PortalLinks } from "./portal-pages";

type Frame = { links: PortalLinks; csrf: string; logout: string };

const timeText = (at: Date) =>
  new Intl.DateTimeFormat("nl-NL", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Amsterdam",
  }).format(at);

/** "maandag 30 november, 09:00 tot 09:15" */
export function appointmentWhen(lang: Lang, startsAt: Date, endsAt: Date): string {
  return `${slotText(lang, startsAt)} ${appointmentMessages[lang].until} ${timeText(endsAt)}`;
}

function Notice(props: { text?: string }) {
  return props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;
}

function Address(props: { text: string }) {
  return (
    <>
      {props.text.split("\n").map((line, i) => (
        <>
          {i > 0 && <br />}
          {line}
        </>
      ))}
    </>
  );
}

/** On the page of one of the resident's own questions: the way to an appointment about it. */
export function AppointmentLink(props: { links: PortalLinks; questionId: string }) {
  const a = appointmentMessages[props.links.lang];
  return (
    <section aria-labelledby="afspraak-titel">
      <h2 id="afspraak-titel">{a.makeAppointmentTitle}</h2>
      <p>{a.makeAppointmentIntro}</p>
      <p>
        <a href={props.links.href(`vragen/${props.questionId}/afspraak`)}>{a.makeAppointment}</a>
      </p>
    </section>
  );
}

/** Step 1: where. A list of links, one per counter (no form needed). */
export function ChooseLocationPage(
  props: Frame & {
    title: string;
    intro: string[];
    back: { href: string; text: string };
    locations: CounterLocation[];
    locationHref: (locationId: string) => string;
  },
) {
  const a = appointmentMessages[props.links.lang];
  return (
    <Page links={props.links} title={props.title}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <p>
        <a href={props.back.href}>{props.back.text}</a>
      </p>
      <h1>{props.title}</h1>
      {props.intro.map((text) => (
        <p>{text}</p>
      ))}
      {props.locations.length === 0 ? (
        <p>{a.noLocations}</p>
      ) : (
        <>
          <h2>{a.locationLegend}</h2>
          <ul class="locations">
            {props.locations.map((l) => (
              <li>
                <a href={props.locationHref(l.id)}>{l.name}</a>
                <br />
                <Address text={l.address} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

/**
 * Step 2: when. One plain POST form: the free times of one week as radio buttons, grouped per day in a
 * fieldset each; the weeks are links. Works without JavaScript.
 */
export function ChooseSlotPage(
  props: Frame & {
    title: string;
    intro: string[];
    back: { href: string; text: string };
    location: CounterLocation;
    days: FreeDay[];
    week: number;
    weeks: number;
    weekHref: (week: number) => string;
    otherLocationHref: string | null;
    action: string;
    submit: string;
    chosen?: string;
    error?: FormProblem;
  },
) {
  const { lang } = props.links;
  const a = appointmentMessages[lang];
  const w = messages[lang];
  const firstId = props.days[0]?.slots[0] ? `tijd-${props.days[0].slots[0].id}` : "tijd";
  const invalid = props.error !== undefined;
  return (
    <Page links={props.links} title={props.title} hasError={invalid}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <p>
        <a href={props.back.href}>{props.back.text}</a>
      </p>
      <h1>{props.title}</h1>
      <ErrorSummary lang={lang} error={props.error?.message} field={firstId} />
      {props.intro.map((text) => (
        <p>{text}</p>
      ))}
      <h2>{props.location.name}</h2>
      <p>
        <Address text={props.location.address} />
      </p>
      {props.otherLocationHref && (
        <p>
          <a href={props.otherLocationHref}>{a.otherLocation}</a>
        </p>
      )}
      <nav aria-label={a.slotLegend}>
        <p>
          {props.week > 0 && <a href={props.weekHref(props.week - 1)}>{a.earlierWeek}</a>}
          {props.week > 0 && props.week < props.weeks - 1 && " | "}
          {props.week < props.weeks - 1 && <a href={props.weekHref(props.week + 1)}>{a.laterWeek}</a>}
        </p>
      </nav>
      {props.days.length === 0 ? (
        <p>{a.noSlots}</p>
      ) : (
        <form method="post" action={props.action} novalidate>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <fieldset class={`field${invalid ? " invalid" : ""}`} aria-describedby="tijd-uitleg">
            <legend>{a.slotLegend}</legend>
            <p id="tijd-uitleg" class="hint">
              {a.slotHint}
            </p>
            {invalid && (
              <p id="tijd-fout" class="error">
                <span>{w.errorPrefix}</span>
                {props.error?.message}
              </p>
            )}
            {props.days.map((day) => (
              <fieldset class="day">
                <legend>{dayText(lang, day.date)}</legend>
                {day.slots.map((slot) => (
                  <div class="check">
                    <input
                      type="radio"
                      id={`tijd-${slot.id}`}
                      name="tijd"
                      value={slot.id}
                      checked={props.chosen === slot.id}
                      aria-describedby={invalid ? "tijd-fout" : undefined}
                    />
                    <label for={`tijd-${slot.id}`}>
                      {timeText(slot.startsAt)} {a.until} {timeText(slot.endsAt)}
                    </label>
                  </div>
                ))}
              </fieldset>
            ))}
          </fieldset>
          <button type="submit">{props.submit}</button>
        </form>
      )}
    </Page>
  );
}

function AppointmentDetails(props: { lang: Lang; appointment: MyAppointment }) {
  const a = appointmentMessages[props.lang];
  const appointment = props.appointment;
  return (
    <dl>
      <dt>{a.when}</dt>
      <dd>{appointmentWhen(props.lang, appointment.startsAt, appointment.endsAt)}</dd>
      <dt>{a.where}</dt>
      <dd>
        {appointment.locationName}
        <br />
        <Address text={appointment.address} />
      </dd>
      <dt>{a.question}</dt>
      <dd>{appointment.reference}</dd>
    </dl>
  );
}

function AppointmentActions(props: { links: PortalLinks; csrf: string; appointment: MyAppointment }) {
  const a = appointmentMessages[props.links.lang];
  const id = props.appointment.id;
  return (
    <div class="actions">
      <p>
        <a href={props.links.href(`afspraken/${id}/verzetten`)}>{a.reschedule}</a>
      </p>
      <form method="post" action={props.links.href(`afspraken/${id}/afzeggen`)}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit">{a.cancel}</button>
      </form>
    </div>
  );
}

/** The confirmation: one appointment, what to bring, and how to change it. */
export function AppointmentPage(props: Frame & { appointment: MyAppointment; notice?: string }) {
  const { lang } = props.links;
  const a = appointmentMessages[lang];
  return (
    <Page links={props.links} title={a.bookedTitle}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <p>
        <a href={props.links.href("afspraken")}>{a.toAppointments}</a>
      </p>
      <h1>{a.bookedTitle}</h1>
      <Notice text={props.notice} />
      <AppointmentDetails lang={lang} appointment={props.appointment} />
      <p>{a.bring}</p>
      <p>
        <a href={props.links.href(`vragen/${props.appointment.questionId}`)}>{a.toQuestion}</a>
      </p>
      <AppointmentActions links={props.links} csrf={props.csrf} appointment={props.appointment} />
    </Page>
  );
}

/** "Mijn afspraken": the appointments to come, each with reschedule and cancel. */
export function MyAppointmentsPage(props: Frame & { appointments: MyAppointment[]; notice?: string }) {
  const { lang } = props.links;
  const a = appointmentMessages[lang];
  const w = messages[lang];
  return (
    <Page links={props.links} title={a.myAppointments}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <p>
        <a href={props.links.href("vragen")}>{w.back}</a>
      </p>
      <h1>{a.myAppointments}</h1>
      <Notice text={props.notice} />
      {props.appointments.length === 0 ? (
        <p>{a.noAppointments}</p>
      ) : (
        <ul class="appointments">
          {props.appointments.map((appointment) => (
            <li>
              <h2>
                <a href={props.links.href(`afspraken/${appointment.id}`)}>
                  {appointmentWhen(lang, appointment.startsAt, appointment.endsAt)}
                </a>
              </h2>
              <AppointmentDetails lang={lang} appointment={appointment} />
              <AppointmentActions links={props.links} csrf={props.csrf} appointment={appointment} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
