import type { ServiceNorm } from "./service-norm";

// A working day in the default calendar: 08:30 to 17:00.
export const WORKING_DAY_MINUTES = 8.5 * 60;

const days = (count: number) => count * WORKING_DAY_MINUTES;

/** Norms for answering or resolving a question, by the channel it came in on. */
export const defaultServiceNorms: readonly ServiceNorm[] = [
  { topicId: "*", channel: "*", workingMinutes: days(5), label: "Antwoord binnen 5 werkdagen" },
  { topicId: "*", channel: "email", workingMinutes: days(5), label: "E-mail beantwoord binnen 5 werkdagen" },
  {
    topicId: "*",
    channel: "webform",
    workingMinutes: days(5),
    label: "Formulier beantwoord binnen 5 werkdagen",
  },
  {
    topicId: "*",
    channel: "portal",
    workingMinutes: days(5),
    label: "Bericht beantwoord binnen 5 werkdagen",
  },
  { topicId: "*", channel: "phone", workingMinutes: days(5), label: "Vraag opgelost binnen 5 werkdagen" },
  { topicId: "*", channel: "counter", workingMinutes: days(5), label: "Vraag opgelost binnen 5 werkdagen" },
  { topicId: "*", channel: "chat", workingMinutes: days(5), label: "Vraag opgelost binnen 5 werkdagen" },
  {
    topicId: "*",
    channel: "letter",
    workingMinutes: days(10),
    label: "Brief beantwoord binnen 10 werkdagen",
  },
];

/** Norms for a callback request (terugbelverzoek): the resident is called back within a working day. */
export const defaultCallbackNorms: readonly ServiceNorm[] = [
  { topicId: "*", channel: "*", workingMinutes: days(1), label: "Teruggebeld binnen 1 werkdag" },
];
