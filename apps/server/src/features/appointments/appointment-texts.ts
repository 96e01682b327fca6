import type { AppointmentMessageKind } from "./appointment-message";

export type AppointmentFacts = {
  reference: string;
  locationName: string;
  address: string;
  startsAt: Date;
  /** A reschedule: the time it replaced. */
  previousStartsAt?: Date;
};

const english = (language: string) => language === "eng" || language === "en";

/** "donderdag 3 december 2026 om 09:30" / "Thursday 3 December 2026 at 09:30" */
export function appointmentTimeText(language: string, at: Date): string {
  const en = english(language);
  const day = new Intl.DateTimeFormat(en ? "en-GB" : "nl-NL", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Amsterdam",
  }).format(at);
  const time = new Intl.DateTimeFormat("nl-NL", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/Amsterdam",
  }).format(at);
  return `${day} ${en ? "at" : "om"} ${time}`;
}

/** The message about an appointment, in plain Dutch (B1) or English: what, when, where, what to bring. */
export function appointmentText(
  kind: AppointmentMessageKind,
  language: string,
  facts: AppointmentFacts,
): { subject: string; text: string } {
  const when = appointmentTimeText(language, facts.startsAt);
  const where = `${facts.locationName}\n${facts.address}`;
  if (english(language)) {
    const bring =
      "Please bring a valid passport, ID card or driving licence. Cannot come? Cancel or change the appointment in My municipality.";
    switch (kind) {
      case "confirmation":
        return {
          subject: `Your appointment at the service desk (${facts.reference})`,
          text: `You have an appointment at the service desk on ${when}.\n\n${where}\n\n${bring}`,
        };
      case "reschedule":
        return {
          subject: `Your appointment has been changed (${facts.reference})`,
          text: `Your appointment has been moved${facts.previousStartsAt ? ` from ${appointmentTimeText(language, facts.previousStartsAt)}` : ""} to ${when}.\n\n${where}\n\n${bring}`,
        };
      case "cancellation":
        return {
          subject: `Your appointment has been cancelled (${facts.reference})`,
          text: `You cancelled your appointment of ${when} at ${facts.locationName}. You can make a new appointment in My municipality.`,
        };
      case "reminder":
        return {
          subject: `Reminder: your appointment tomorrow (${facts.reference})`,
          text: `A reminder: you have an appointment at the service desk on ${when}.\n\n${where}\n\n${bring}`,
        };
    }
  }
  const bring =
    "Neem een geldig paspoort, identiteitskaart of rijbewijs mee. Kunt u niet komen? Zeg de afspraak af of verzet hem in Mijn gemeente.";
  switch (kind) {
    case "confirmation":
      return {
        subject: `Uw afspraak aan de balie (${facts.reference})`,
        text: `U heeft een afspraak aan de balie op ${when}.\n\n${where}\n\n${bring}`,
      };
    case "reschedule":
      return {
        subject: `Uw afspraak is verzet (${facts.reference})`,
        text: `Uw afspraak is verzet${facts.previousStartsAt ? ` van ${appointmentTimeText(language, facts.previousStartsAt)}` : ""} naar ${when}.\n\n${where}\n\n${bring}`,
      };
    case "cancellation":
      return {
        subject: `Uw afspraak is afgezegd (${facts.reference})`,
        text: `U heeft uw afspraak van ${when} bij ${facts.locationName} afgezegd. In Mijn gemeente kunt u een nieuwe afspraak maken.`,
      };
    case "reminder":
      return {
        subject: `Herinnering: uw afspraak morgen (${facts.reference})`,
        text: `Een herinnering: u heeft een afspraak aan de balie op ${when}.\n\n${where}\n\n${bring}`,
      };
  }
}
