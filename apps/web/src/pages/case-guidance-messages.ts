/** Texts of the case guide's worklist (Casusregie): Dutch first (B1), English switchable. */

const nl = {
  title: "Casusregie",
  nav: "Casusregie",
  intro:
    "Inwoners die mogelijk vastlopen of bij wie meerdere vragen op één levenssituatie wijzen. De volgorde komt van een score die u hieronder per signaal ziet. Er gaat niets automatisch naar de inwoner: u beslist.",
  scoreRule:
    "Score per signaal: gewicht van de regel × recentheid (halveert elke 30 dagen). Score van de inwoner: de som.",
  loading: "Werklijst laden…",
  error: "De werklijst kan nu niet worden geladen",
  empty: "Er zijn geen open signalen.",
  list: "Inwoners met signalen",
  unknownName: (rank: number) => `Inwoner ${rank}`,
  residentHeading: (name: string, score: string) => `${name} · score ${score}`,
  rules: {
    "repeat-contact": "Herhaald contact",
    "channel-hopping": "Wisselen van kanaal",
    "broken-promise": "Toezegging niet nagekomen",
    reopened: "Opnieuw geopend",
    "long-silence": "Lang stil",
    "escalating-language": "Toon wordt scherper",
    "ping-pong": "Heen en weer tussen teams",
    "need-cluster": "Vraag achter de vraag",
  } as Record<string, string>,
  ruleVersion: (id: string, version: number) => `regel ${id}, versie ${version}`,
  scoreParts: (weight: string, recency: string, points: string, days: number) =>
    `Gewicht ${weight} × recentheid ${recency} = ${points} punten (gevonden ${days === 0 ? "vandaag" : days === 1 ? "1 dag geleden" : `${days} dagen geleden`}).`,
  explanationHidden: "De uitleg is verborgen: een deel van de onderbouwing valt buiten uw inzage.",
  evidence: "Onderbouwing",
  contacts: (n: number) => (n === 1 ? "1 contact" : `${n} contacten`),
  contact: (channel: string, direction: string, when: string) =>
    `${direction === "inbound" ? "Binnengekomen" : "Verstuurd"} via ${channel}, ${when}`,
  tasks: (n: number) => (n === 1 ? "1 taak" : `${n} taken`),
  hiddenQuestions: (n: number) =>
    n === 1 ? "1 vraag valt buiten uw inzage." : `${n} vragen vallen buiten uw inzage.`,
  suggestion: "Voorgestelde actie",
  accept: "Accepteren",
  dismiss: "Afwijzen",
  snooze: "Uitstellen",
  actionLabel: (action: string, rule: string, resident: string) => `${action}: ${rule} bij ${resident}`,
  acceptTitle: (rule: string, resident: string) => `${rule} bij ${resident} accepteren`,
  acceptHelp:
    "Er komt een taak om contact op te nemen via het kanaal en in de taal van de inwoner. Er wordt nog niets verstuurd.",
  note: "Notitie (niet verplicht)",
  makeTask: "Taak maken",
  dismissTitle: (rule: string, resident: string) => `${rule} bij ${resident} afwijzen`,
  reason: "Reden",
  reasonHelp: "Waarom is hier geen actie nodig? Dit wordt vastgelegd.",
  reasonField: "een reden",
  snoozeTitle: (rule: string, resident: string) => `${rule} bij ${resident} uitstellen`,
  until: "Uitstellen tot",
  untilHelp: "Het signaal komt na deze datum terug in de werklijst.",
  untilField: "een datum",
  busy: "Bezig…",
  accepted: (rule: string, channel: string | null) =>
    channel
      ? `${rule} geaccepteerd: er is een taak gemaakt om contact op te nemen via ${channel}.`
      : `${rule} geaccepteerd: er is een taak gemaakt; er is geen kanaal bekend om de inwoner te bereiken.`,
  dismissed: (rule: string) => `${rule} afgewezen. De reden is vastgelegd.`,
  snoozed: (rule: string, date: string) => `${rule} uitgesteld tot ${date}.`,
  taskLink: (ref: string) => `Taak bij vraag ${ref}`,
};

type Messages = typeof nl;

const en: Messages = {
  title: "Case guidance",
  nav: "Case guidance",
  intro:
    "Residents who may be stuck, or whose questions point to one life situation. The order comes from a score shown for each signal below. Nothing is sent to the resident automatically: you decide.",
  scoreRule:
    "Score per signal: the rule's weight × recency (halves every 30 days). A resident's score: the sum.",
  loading: "Loading the worklist…",
  error: "The worklist cannot be loaded right now",
  empty: "There are no open signals.",
  list: "Residents with signals",
  unknownName: (rank) => `Resident ${rank}`,
  residentHeading: (name, score) => `${name} · score ${score}`,
  rules: {
    "repeat-contact": "Repeated contact",
    "channel-hopping": "Switching channels",
    "broken-promise": "Promise not kept",
    reopened: "Reopened",
    "long-silence": "Long silence",
    "escalating-language": "Tone getting sharper",
    "ping-pong": "Back and forth between teams",
    "need-cluster": "The question behind the question",
  },
  ruleVersion: (id, version) => `rule ${id}, version ${version}`,
  scoreParts: (weight, recency, points, days) =>
    `Weight ${weight} × recency ${recency} = ${points} points (found ${days === 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`}).`,
  explanationHidden: "The explanation is hidden: part of the evidence is outside what you may see.",
  evidence: "Evidence",
  contacts: (n) => (n === 1 ? "1 contact" : `${n} contacts`),
  contact: (channel, direction, when) =>
    `${direction === "inbound" ? "Received" : "Sent"} via ${channel}, ${when}`,
  tasks: (n) => (n === 1 ? "1 task" : `${n} tasks`),
  hiddenQuestions: (n) =>
    n === 1 ? "1 question is outside what you may see." : `${n} questions are outside what you may see.`,
  suggestion: "Suggested action",
  accept: "Accept",
  dismiss: "Dismiss",
  snooze: "Snooze",
  actionLabel: (action, rule, resident) => `${action}: ${rule} for ${resident}`,
  acceptTitle: (rule, resident) => `Accept ${rule.toLowerCase()} for ${resident}`,
  acceptHelp:
    "A task is made to get in touch on the resident's channel and in their language. Nothing is sent yet.",
  note: "Note (optional)",
  makeTask: "Make task",
  dismissTitle: (rule, resident) => `Dismiss ${rule.toLowerCase()} for ${resident}`,
  reason: "Reason",
  reasonHelp: "Why is no action needed? This is recorded.",
  reasonField: "a reason",
  snoozeTitle: (rule, resident) => `Snooze ${rule.toLowerCase()} for ${resident}`,
  until: "Snooze until",
  untilHelp: "The signal returns to the worklist after this date.",
  untilField: "a date",
  busy: "Working…",
  accepted: (rule, channel) =>
    channel
      ? `${rule} accepted: a task was made to get in touch via ${channel}.`
      : `${rule} accepted: a task was made; no channel is known to reach the resident.`,
  dismissed: (rule) => `${rule} dismissed. The reason is recorded.`,
  snoozed: (rule, date) => `${rule} snoozed until ${date}.`,
  taskLink: (ref) => `Task on question ${ref}`,
};

export const messages = { nl, en };
