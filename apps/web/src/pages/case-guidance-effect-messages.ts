/** Texts of the effect and fairness section of Casusregie: Dutch first (B1), English switchable. */

type Quartiles = { p25: string; median: string; p75: string };

const nl = {
  title: "Effect en eerlijkheid",
  intro:
    "Helpt het als we op een signaal actie nemen? We tellen hoe vaak de inwoner zelf contact zocht in de 30 en 90 dagen vóór het accepteren en erna. Een periode die nog niet voorbij is, tellen we niet mee: die is nog niet te meten. We tonen spreiding (kwartielen), geen gemiddelde.",
  loading: "Effect en eerlijkheid laden…",
  error: "Effect en eerlijkheid kunnen nu niet worden geladen",
  decisionsCaption: "Signalen per regel: gevonden en wat er mee gebeurde",
  rule: "Regel",
  raised: "Gevonden",
  accepted: "Geaccepteerd",
  dismissed: "Afgewezen",
  snoozed: "Uitgesteld",
  open: "Open",
  effectCaption: "Effect per regel van geaccepteerde signalen",
  noAccepted: "Er zijn nog geen geaccepteerde signalen, dus nog geen effect om te tonen.",
  afterDays: (days: number) => `Contact in ${days} dagen na tegen ervoor`,
  windowCell: (fewer: number, same: number, more: number, notYet: number) =>
    `${fewer} minder, ${same} gelijk, ${more} meer; ${notYet} nog niet te meten`,
  change: (q: Quartiles) => `Verschil: 25% ${q.p25}, mediaan ${q.median}, 75% ${q.p75}`,
  resolved: "Vragen opgelost",
  resolvedCell: (resolved: number, all: number) => `${resolved} van ${all}`,
  resolutionDays: "Dagen tot oplossing",
  quartiles: (q: Quartiles) => `25% ${q.p25}, mediaan ${q.median}, 75% ${q.p75}`,
  none: "geen",
  helped: "Heeft dit geholpen?",
  helpedCell: (yes: number, no: number, none: number) => `${yes} ja, ${no} nee, ${none} geen antwoord`,
  fairnessTitle: "Eerlijkheid per groep",
  fairnessIntro: (residents: number, withoutConsent: number, min: number) =>
    `Missen de regels mensen die weinig digitale kanalen gebruiken of in een andere taal schrijven? Geteld: ${residents} inwoners met een vraag. ${withoutConsent} inwoners gaven geen toestemming voor proactief contact; die tellen niet mee. Een groep met minder dan ${min} inwoners is te klein om te tonen.`,
  fairnessCaption: (dimension: string) => `Eerlijkheid: ${dimension}`,
  dimensions: {
    district: "Wijk (postcodegebied)",
    "age-band": "Leeftijd",
    language: "Taal van de contacten",
    "preferred-channel": "Voorkeurskanaal",
    "channel-use": "Gebruikte kanalen",
  } as Record<string, string>,
  group: "Groep",
  residents: "Inwoners",
  per100: "Signalen per 100 inwoners",
  acceptedShare: "Aandeel geaccepteerd",
  tooSmall: "te klein",
  noSignals: "geen signalen",
  groupLabel: (_dimension: string, _value: string, label: string) => label,
  signalsCaption: "Effect per geaccepteerd signaal",
  decidedAt: "Geaccepteerd op",
  beforeAfter: (days: number) => `Contact ${days} dagen voor → na`,
  beforeAfterCell: (before: number, after: number | null) =>
    after === null ? `${before} → nog niet te meten` : `${before} → ${after}`,
  questions: "Vragen",
  questionCell: (reference: string, resolved: boolean, days: number | null) =>
    resolved ? `${reference}: opgelost na ${days ?? "?"} dagen` : `${reference}: nog niet opgelost`,
  feedback: "Antwoord van de inwoner",
  feedbackCell: (helped: boolean, comment: string | null) =>
    `${helped ? "Ja, geholpen" : "Nee, niet geholpen"}${comment ? `: “${comment}”` : ""}`,
  noFeedback: "Geen antwoord",
  hiddenSignals: (n: number) =>
    n === 1
      ? "1 geaccepteerd signaal valt buiten uw inzage en staat hier niet."
      : `${n} geaccepteerde signalen vallen buiten uw inzage en staan hier niet.`,
};

type Messages = typeof nl;

const en: Messages = {
  title: "Effect and fairness",
  intro:
    "Does acting on a signal help? We count how often the resident contacted us in the 30 and 90 days before the signal was accepted and after. A period that has not passed yet is not counted: it cannot be measured yet. We show spread (quartiles), never an average.",
  loading: "Loading effect and fairness…",
  error: "Effect and fairness cannot be loaded right now",
  decisionsCaption: "Signals per rule: found and what was done with them",
  rule: "Rule",
  raised: "Found",
  accepted: "Accepted",
  dismissed: "Dismissed",
  snoozed: "Snoozed",
  open: "Open",
  effectCaption: "Effect per rule of accepted signals",
  noAccepted: "No signals have been accepted yet, so there is no effect to show.",
  afterDays: (days) => `Contact in ${days} days after against before`,
  windowCell: (fewer, same, more, notYet) =>
    `${fewer} fewer, ${same} same, ${more} more; ${notYet} not measurable yet`,
  change: (q) => `Change: 25% ${q.p25}, median ${q.median}, 75% ${q.p75}`,
  resolved: "Questions resolved",
  resolvedCell: (resolved, all) => `${resolved} of ${all}`,
  resolutionDays: "Days to resolution",
  quartiles: (q) => `25% ${q.p25}, median ${q.median}, 75% ${q.p75}`,
  none: "none",
  helped: "Did it help?",
  helpedCell: (yes, no, none) => `${yes} yes, ${no} no, ${none} no answer`,
  fairnessTitle: "Fairness per group",
  fairnessIntro: (residents, withoutConsent, min) =>
    `Do the rules miss people who use few digital channels or write in another language? Counted: ${residents} residents with a question. ${withoutConsent} residents gave no consent for proactive contact; they are not counted. A group of fewer than ${min} residents is too small to show.`,
  fairnessCaption: (dimension) => `Fairness: ${dimension}`,
  dimensions: {
    district: "District (postcode area)",
    "age-band": "Age",
    language: "Language of the contacts",
    "preferred-channel": "Preferred channel",
    "channel-use": "Channels used",
  },
  group: "Group",
  residents: "Residents",
  per100: "Signals per 100 residents",
  acceptedShare: "Share accepted",
  tooSmall: "too small",
  noSignals: "no signals",
  groupLabel: (dimension, value, label) => {
    if (value === "unknown") return "unknown";
    if (dimension === "district") return `postcode ${value}`;
    if (dimension === "age-band") return value.endsWith("+") ? `${value.slice(0, -1)} and older` : value;
    if (dimension === "channel-use")
      return value === "only-non-digital" ? "only non-digital (phone, counter, letter)" : "also digital";
    return label;
  },
  signalsCaption: "Effect per accepted signal",
  decidedAt: "Accepted on",
  beforeAfter: (days) => `Contact ${days} days before → after`,
  beforeAfterCell: (before, after) =>
    after === null ? `${before} → not measurable yet` : `${before} → ${after}`,
  questions: "Questions",
  questionCell: (reference, resolved, days) =>
    resolved ? `${reference}: resolved after ${days ?? "?"} days` : `${reference}: not resolved yet`,
  feedback: "Resident's answer",
  feedbackCell: (helped, comment) =>
    `${helped ? "Yes, it helped" : "No, it did not help"}${comment ? `: “${comment}”` : ""}`,
  noFeedback: "No answer",
  hiddenSignals: (n) =>
    n === 1
      ? "1 accepted signal is outside what you may see and is not shown."
      : `${n} accepted signals are outside what you may see and are not shown.`,
};

export const messages = { nl, en };
