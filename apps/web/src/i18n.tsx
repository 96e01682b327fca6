import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { setApiLanguage } from "./api";

export type Language = "nl" | "en";

const nl = {
  appName: "Werkplek",
  skipToContent: "Naar de inhoud",
  switchLanguage: "English",
  switchLanguageLabel: "Switch to English",
  logOut: "Uitloggen",
  loginTitle: "Inloggen op de werkplek",
  email: "E-mailadres",
  password: "Wachtwoord",
  logIn: "Inloggen",
  secondFactorTitle: "Tweede stap: code uit uw app",
  secondFactorHelp: "Vul de zescijferige code in uit uw authenticator-app.",
  code: "Code",
  confirm: "Bevestigen",
  errorSummary: "Er is een probleem",
  required: (field: string) => `Vul ${field} in.`,
  inboxTitle: "Inbox",
  filters: "Filters",
  status: "Status",
  channel: "Kanaal",
  topic: "Onderwerp",
  all: "Alle",
  apply: "Toepassen",
  loadMore: "Meer laden",
  loading: "Laden…",
  noItems: "Er zijn geen vragen die bij deze filters passen.",
  inboxError: "De inbox kan nu niet worden geladen",
  shortcutsButton: "Sneltoetsen (?)",
  shortcutsTitle: "Sneltoetsen",
  shortcutNext: "volgende vraag",
  shortcutPrevious: "vorige vraag",
  shortcutOpen: "vraag openen",
  shortcutHelp: "deze lijst tonen",
  close: "Sluiten",
  confidential: "Vertrouwelijk",
  unknownResident: "Onbekende inwoner",
  unknownTopic: "Onderwerp onbekend",
  noDue: "Geen termijn",
  dueIn: (t: string) => `Nog ${t}`,
  overdue: (t: string) => `${t} te laat`,
  lastContactVia: (c: string) => `Laatste contact via ${c}`,
  backToInbox: "Terug naar de inbox",
  questionTitle: (ref: string) => `Vraag ${ref}`,
  timeline: "Tijdlijn over alle kanalen",
  inbound: (c: string) => `Binnengekomen via ${c}`,
  outbound: (c: string) => `Verstuurd via ${c}`,
  noText: "(geen tekst)",
  questionError: "Deze vraag kan nu niet worden geladen",
  replyTitle: "Antwoorden",
  suggested: (c: string) => `Voorgesteld kanaal: ${c}`,
  noSuggestion: "Er is geen kanaal waarop wij deze inwoner kunnen bereiken.",
  replyChannel: "Kanaal voor dit antwoord",
  suggestedMark: "(voorgesteld)",
  overrideReason: "Waarom een ander kanaal?",
  overrideHelp: "Verplicht als u afwijkt van het voorgestelde kanaal.",
  replyText: "Uw antwoord",
  knowledgeTitle: "Kennisbank",
  knowledgeSearch: "Zoek in de kennisbank",
  knowledgeSearchButton: "Zoeken",
  knowledgeNoResults: "Geen antwoorden gevonden.",
  insert: "Invoegen in antwoord",
  cannedText: "Standaardtekst",
  cannedTextChoose: "Kies een standaardtekst",
  send: "Versturen",
  sending: "Versturen…",
  sent: (c: string) => `Uw antwoord is verstuurd via ${c}.`,
  opened: "Geopend",
  due: "Termijn",
  mainNav: "Hoofdmenu",
  navInbox: "Inbox",
  navTasks: "Taken",
  tasksOnQuestion: "Taken bij deze vraag",
  noTasks: "Er zijn nog geen taken bij deze vraag.",
  createTaskTitle: "Taak maken",
  taskKind: "Soort taak",
  kinds: { callback: "Terugbelverzoek", "back-office": "Backoffice-taak" } as Record<string, string>,
  taskDescription: "Wat moet er gebeuren?",
  contactAddress: "Telefoonnummer om te bellen",
  contactAddressHelp: "Leeg laten: het nummer van de inwoner dat wij kennen.",
  taskDue: "Uiterlijk",
  taskDueHelpCallback: "Leeg laten: binnen de terugbelnorm (één werkdag).",
  taskDueHelpBackOffice: "Leeg laten: de termijn van de vraag.",
  createTask: "Taak maken",
  creatingTask: "Taak maken…",
  taskCreated: (kind: string, due: string) => `${kind} gemaakt, uiterlijk ${due}.`,
  taskCreatedCall: (address: string) => ` Bellen naar ${address}.`,
  taskStatuses: { open: "Open", done: "Afgerond", cancelled: "Geannuleerd" } as Record<string, string>,
  outcome: "Uitkomst",
  completedOn: (d: string) => `Afgerond op ${d}`,
  callAt: (address: string) => `Bellen naar ${address}`,
  tasksTitle: "Taken",
  tasksIntro: "Open taken, de oudste belofte eerst: wat te laat is staat bovenaan.",
  tasksError: "De taken kunnen nu niet worden geladen",
  noOpenTasks: "Er zijn geen open taken.",
  questionLink: (ref: string) => `Vraag ${ref}`,
  complete: "Afronden",
  completeTitle: (ref: string) => `Taak afronden bij vraag ${ref}`,
  outcomeHelp: "Wordt bij de vraag vastgelegd.",
  notifyResident: "Inwoner informeren",
  residentMessage: "Bericht aan de inwoner (optioneel)",
  residentMessageHelp: "Leeg laten: de inwoner krijgt de uitkomst.",
  cancel: "Annuleren",
  completing: "Afronden…",
  completedNotified: (ref: string, c: string) =>
    `Taak bij ${ref} afgerond; de inwoner is geïnformeerd via ${c}.`,
  completedSilent: (ref: string) => `Taak bij ${ref} afgerond.`,
  navSupervision: "Supervisie",
  supervisionTitle: "Supervisie",
  supervisionIntro:
    "Wachtrijen per kanaal van het eerste contact en de bezetting van medewerkers. Wijzigingen verschijnen direct; de wachttijden worden elke 15 seconden bijgewerkt.",
  supervisionError: "De supervisiegegevens kunnen nu niet worden geladen",
  queuesTitle: "Wachtrijen per kanaal",
  noQueues: "Er staan geen open vragen in de wachtrij.",
  queueCaption: (c: string) => `Wachtrij ${c}: open vragen en wachttijd van onbeantwoorde vragen`,
  queueDepth: "Open vragen",
  waitP50: "Wachttijd P50 (mediaan)",
  waitP90: "Wachttijd P90",
  waitMax: "Langste wachttijd",
  nobodyWaiting: "niemand wacht",
  histogramCaption: (c: string) => `Verdeling van de wachttijd, ${c}`,
  waitingTime: "Wachttijd",
  waitingCount: "Aantal vragen",
  histogramBar: "Staaf",
  waitUnder: (a: string) => `korter dan ${a}`,
  waitBetween: (a: string, b: string) => `${a} tot ${b}`,
  waitAtLeast: (a: string) => `${a} of langer`,
  employeesTitle: "Medewerkers",
  employeesCaption: "Aanwezigheid en open vragen per medewerker",
  employeeName: "Naam",
  presenceLabel: "Aanwezigheid",
  openOn: (c: string) => `Open via ${c}`,
  otherChannels: "overig",
  capacityUsed: "Capaciteit in gebruik",
  presences: {
    available: "Beschikbaar",
    busy: "Bezet",
    away: "Afwezig",
    offline: "Offline",
  } as Record<string, string>,
  channels: {
    phone: "telefoon",
    email: "e-mail",
    webform: "webformulier",
    chat: "chat",
    sms: "sms",
    whatsapp: "WhatsApp",
    counter: "balie",
    letter: "brief",
    api: "koppeling",
    portal: "portaal",
  } as Record<string, string>,
  statuses: {
    open: "Open",
    "waiting-on-resident": "Wacht op inwoner",
    "waiting-on-municipality": "Wacht op gemeente",
    resolved: "Afgehandeld",
    reopened: "Heropend",
  } as Record<string, string>,
  reasons: {
    "question-choice": "de inwoner koos dit kanaal voor deze vraag",
    "topic-preference": "de voorkeur van de inwoner voor dit onderwerp",
    "general-preference": "de algemene voorkeur van de inwoner",
    "last-used": "de inwoner gebruikte dit kanaal het laatst",
    reachable: "het enige kanaal waarop wij de inwoner kunnen bereiken",
    "no-digital-contact": "de inwoner wil geen digitaal contact",
    unreachable: "wij hebben geen adres van de inwoner",
  } as Record<string, string>,
};

export type Messages = typeof nl;

const en: Messages = {
  appName: "Workspace",
  skipToContent: "Skip to content",
  switchLanguage: "Nederlands",
  switchLanguageLabel: "Schakel naar Nederlands",
  logOut: "Log out",
  loginTitle: "Log in to the workspace",
  email: "Email address",
  password: "Password",
  logIn: "Log in",
  secondFactorTitle: "Second step: code from your app",
  secondFactorHelp: "Enter the six-digit code from your authenticator app.",
  code: "Code",
  confirm: "Confirm",
  errorSummary: "There is a problem",
  required: (field) => `Enter your ${field.toLowerCase()}.`,
  inboxTitle: "Inbox",
  filters: "Filters",
  status: "Status",
  channel: "Channel",
  topic: "Topic",
  all: "All",
  apply: "Apply",
  loadMore: "Load more",
  loading: "Loading…",
  noItems: "No questions match these filters.",
  inboxError: "The inbox cannot be loaded right now",
  shortcutsButton: "Shortcuts (?)",
  shortcutsTitle: "Keyboard shortcuts",
  shortcutNext: "next question",
  shortcutPrevious: "previous question",
  shortcutOpen: "open question",
  shortcutHelp: "show this list",
  close: "Close",
  confidential: "Confidential",
  unknownResident: "Unknown resident",
  unknownTopic: "Topic unknown",
  noDue: "No due time",
  dueIn: (t) => `${t} left`,
  overdue: (t) => `${t} overdue`,
  lastContactVia: (c) => `Last contact via ${c}`,
  backToInbox: "Back to the inbox",
  questionTitle: (ref) => `Question ${ref}`,
  timeline: "Timeline across all channels",
  inbound: (c) => `Received via ${c}`,
  outbound: (c) => `Sent via ${c}`,
  noText: "(no text)",
  questionError: "This question cannot be loaded right now",
  replyTitle: "Reply",
  suggested: (c) => `Suggested channel: ${c}`,
  noSuggestion: "There is no channel on which we can reach this resident.",
  replyChannel: "Channel for this reply",
  suggestedMark: "(suggested)",
  overrideReason: "Why another channel?",
  overrideHelp: "Required when you deviate from the suggested channel.",
  replyText: "Your reply",
  knowledgeTitle: "Knowledge base",
  knowledgeSearch: "Search the knowledge base",
  knowledgeSearchButton: "Search",
  knowledgeNoResults: "No answers found.",
  insert: "Insert into reply",
  cannedText: "Canned text",
  cannedTextChoose: "Choose a canned text",
  send: "Send",
  sending: "Sending…",
  sent: (c) => `Your reply was sent via ${c}.`,
  opened: "Opened",
  due: "Due",
  mainNav: "Main menu",
  navInbox: "Inbox",
  navTasks: "Tasks",
  tasksOnQuestion: "Tasks on this question",
  noTasks: "This question has no tasks yet.",
  createTaskTitle: "Create a task",
  taskKind: "Kind of task",
  kinds: { callback: "Callback request", "back-office": "Back-office task" },
  taskDescription: "What needs to be done?",
  contactAddress: "Number to call",
  contactAddressHelp: "Leave empty: the resident's number we know.",
  taskDue: "Due by",
  taskDueHelpCallback: "Leave empty: within the callback norm (one working day).",
  taskDueHelpBackOffice: "Leave empty: the question's due time.",
  createTask: "Create task",
  creatingTask: "Creating task…",
  taskCreated: (kind, due) => `${kind} created, due ${due}.`,
  taskCreatedCall: (address) => ` Call ${address}.`,
  taskStatuses: { open: "Open", done: "Done", cancelled: "Cancelled" },
  outcome: "Outcome",
  completedOn: (d) => `Completed on ${d}`,
  callAt: (address) => `Call ${address}`,
  tasksTitle: "Tasks",
  tasksIntro: "Open tasks, the oldest promise first: whatever is overdue is on top.",
  tasksError: "The tasks cannot be loaded right now",
  noOpenTasks: "There are no open tasks.",
  questionLink: (ref) => `Question ${ref}`,
  complete: "Complete",
  completeTitle: (ref) => `Complete the task on question ${ref}`,
  outcomeHelp: "Recorded on the question.",
  notifyResident: "Inform the resident",
  residentMessage: "Message to the resident (optional)",
  residentMessageHelp: "Leave empty: the resident receives the outcome.",
  cancel: "Cancel",
  completing: "Completing…",
  completedNotified: (ref, c) => `Task on ${ref} completed; the resident was informed via ${c}.`,
  completedSilent: (ref) => `Task on ${ref} completed.`,
  navSupervision: "Supervision",
  supervisionTitle: "Supervision",
  supervisionIntro:
    "Queues per channel of first contact and employees' load. Changes show at once; waiting times are updated every 15 seconds.",
  supervisionError: "The supervision figures cannot be loaded right now",
  queuesTitle: "Queues per channel",
  noQueues: "No open questions are queued.",
  queueCaption: (c) => `Queue ${c}: open questions and waiting time of unanswered questions`,
  queueDepth: "Open questions",
  waitP50: "Waiting time P50 (median)",
  waitP90: "Waiting time P90",
  waitMax: "Longest wait",
  nobodyWaiting: "nobody waiting",
  histogramCaption: (c) => `Distribution of waiting time, ${c}`,
  waitingTime: "Waiting time",
  waitingCount: "Questions",
  histogramBar: "Bar",
  waitUnder: (a) => `under ${a}`,
  waitBetween: (a, b) => `${a} to ${b}`,
  waitAtLeast: (a) => `${a} or more`,
  employeesTitle: "Employees",
  employeesCaption: "Presence and open questions per employee",
  employeeName: "Name",
  presenceLabel: "Presence",
  openOn: (c) => `Open via ${c}`,
  otherChannels: "other",
  capacityUsed: "Capacity in use",
  presences: {
    available: "Available",
    busy: "Busy",
    away: "Away",
    offline: "Offline",
  },
  channels: {
    phone: "phone",
    email: "email",
    webform: "web form",
    chat: "chat",
    sms: "SMS",
    whatsapp: "WhatsApp",
    counter: "counter",
    letter: "letter",
    api: "API",
    portal: "portal",
  },
  statuses: {
    open: "Open",
    "waiting-on-resident": "Waiting on resident",
    "waiting-on-municipality": "Waiting on municipality",
    resolved: "Resolved",
    reopened: "Reopened",
  },
  reasons: {
    "question-choice": "the resident chose this channel for this question",
    "topic-preference": "the resident's preference for this topic",
    "general-preference": "the resident's general preference",
    "last-used": "the resident used this channel last",
    reachable: "the only channel on which we can reach the resident",
    "no-digital-contact": "the resident wants no digital contact",
    unreachable: "we hold no address of the resident",
  },
};

const STORAGE_KEY = "omniloket.werkplek.taal";

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

type I18n = { language: Language; t: Messages; setLanguage(language: Language): void };
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    setApiLanguage(language);
  }, [language]);
  const setLanguage = useCallback((value: Language) => {
    setLanguageState(value);
    try {
      localStorage.setItem(STORAGE_KEY, value);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this tab.
    }
  }, []);
  const value = useMemo(
    () => ({ language, t: language === "en" ? en : nl, setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}

export function channelName(t: Messages, channel: string): string {
  return t.channels[channel] ?? channel;
}

/** "3 uur", "2 dagen": the largest whole unit, for due-time badges. */
export function formatDuration(language: Language, ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const [value, unit] =
    minutes < 60
      ? [minutes, "minute"]
      : minutes < 60 * 48
        ? [Math.round(minutes / 60), "hour"]
        : [Math.round(minutes / (60 * 24)), "day"];
  return new Intl.NumberFormat(language, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

export function formatDateTime(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));
}

/**
 * Messages that belong to one page or panel live beside it as `{ nl, en }`; this picks the
 * language the employee chose, so each area keeps its own texts without one shared file.
 */
export function useMessages<M>(bundle: { nl: M; en: M }): M {
  return useI18n().language === "en" ? bundle.en : bundle.nl;
}
