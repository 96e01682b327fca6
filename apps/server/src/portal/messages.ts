import type { QuestionStatus } from "@omniloket/db/schema";

export type Lang = "nl" | "en";

const timeZone = "Europe/Amsterdam";

/** "donderdag 3 december" */
export function dayText(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone,
  }).format(at);
}

/** "3 december 2026, 14:05" */
export function dateTimeText(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(at);
}

const channelNames: Record<Lang, Record<string, string>> = {
  nl: {
    phone: "telefoon",
    email: "e-mail",
    webform: "formulier op de website",
    chat: "chat",
    sms: "sms",
    whatsapp: "WhatsApp",
    counter: "balie",
    letter: "brief",
    api: "ander systeem van de gemeente",
    portal: "Mijn gemeente",
  },
  en: {
    phone: "phone",
    email: "email",
    webform: "form on the website",
    chat: "chat",
    sms: "text message",
    whatsapp: "WhatsApp",
    counter: "service desk",
    letter: "letter",
    api: "another system of the municipality",
    portal: "My municipality",
  },
};

export function channelName(lang: Lang, channel: string): string {
  return channelNames[lang][channel] ?? channel;
}

const statusNames: Record<Lang, Record<QuestionStatus, string>> = {
  nl: {
    open: "We hebben uw vraag ontvangen",
    "waiting-on-municipality": "We zijn met uw vraag bezig",
    "waiting-on-resident": "We wachten op een antwoord van u",
    resolved: "Klaar: we hebben uw vraag beantwoord",
    reopened: "We zijn weer met uw vraag bezig",
  },
  en: {
    open: "We have received your question",
    "waiting-on-municipality": "We are working on your question",
    "waiting-on-resident": "We are waiting for your answer",
    resolved: "Done: we have answered your question",
    reopened: "We are working on your question again",
  },
};

export function statusName(lang: Lang, status: QuestionStatus): string {
  return statusNames[lang][status];
}

export const messages = {
  nl: {
    site: "Mijn gemeente",
    loginTitle: "Inloggen",
    loginIntro:
      "Vul uw e-mailadres in. U krijgt dan een e-mail met een code van 6 cijfers. Met die code logt u in.",
    emailLabel: "Uw e-mailadres",
    emailHint: "Bijvoorbeeld: naam@voorbeeld.nl",
    sendCode: "Stuur mij een code",
    errorTitle: "Er is iets niet goed gegaan",
    errorPrefix: "Fout: ",
    emailInvalid: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
    tooManyCodes:
      "U heeft veel codes aangevraagd voor dit e-mailadres. Wacht een uur en probeer het dan opnieuw.",
    tooManyRequests:
      "U heeft veel verzoeken gedaan in korte tijd. Wacht een paar minuten en probeer het opnieuw.",
    notSent: "Het lukte niet om de e-mail met de code te versturen. Probeer het later opnieuw.",
    formExpired: "De pagina was verlopen. Probeer het opnieuw.",
    codeTitle: "Vul uw code in",
    codeIntro:
      "We hebben een e-mail met een code van 6 cijfers gestuurd naar het e-mailadres dat u invulde. De code is 10 minuten geldig.",
    codeLabel: "Code van 6 cijfers",
    codeHint: "U vindt de code in de e-mail. Kijk ook in de map met ongewenste e-mail.",
    logIn: "Inloggen",
    otherCode: "Geen code gekregen? Vraag een nieuwe code aan",
    codeWrong: (left: number) =>
      `Deze code klopt niet. U kunt het nog ${left === 1 ? "1 keer" : `${left} keer`} proberen.`,
    codeExpired: "Deze code is niet meer geldig. Vraag een nieuwe code aan.",
    codeAttempts: "U heeft te vaak een verkeerde code ingevuld. Vraag een nieuwe code aan.",
    noCode: "Vraag eerst een code aan.",
    codeSubject: (name: string) => `Uw code om in te loggen bij ${name}`,
    codeEmail: (code: string) =>
      `Uw code is ${code}.\n\nVul deze code in op de website om in te loggen. De code is 10 minuten geldig.\n\nHeeft u geen code aangevraagd? Dan kunt u deze e-mail vergeten. Geef de code aan niemand anders.`,
    loggedOut: "U bent uitgelogd.",
    logout: "Uitloggen",
    myQuestions: "Mijn vragen",
    noQuestions: "U heeft nog geen vragen bij ons.",
    questionsFor: (name: string) => `Vragen van ${name}`,
    someone: "iemand die u vertegenwoordigt",
    representedIntro: "U regelt zaken voor deze persoon. Dit zijn de vragen van deze persoon.",
    reference: "Nummer",
    status: "Status",
    lastActivity: "Laatste contact",
    via: "Via",
    question: "Vraag",
    questionTitle: (ref: string) => `Vraag ${ref}`,
    questionOf: (name: string) => `Deze vraag is van ${name}.`,
    history: "Wat er is gebeurd",
    you: "U",
    theResident: (name: string) => name,
    municipality: "De gemeente",
    viaChannel: (channel: string) => `via ${channel}`,
    phoneIn: "U heeft met de gemeente gebeld.",
    phoneOut: "De gemeente heeft u gebeld.",
    counterVisit: "U was aan de balie van de gemeente.",
    counterOut: "U heeft de gemeente aan de balie gesproken.",
    promises: "Wat wij u beloven",
    promiseCallback: (day: string) => `We bellen u uiterlijk ${day}.`,
    promiseContact: (day: string) => `We nemen uiterlijk ${day} contact met u op.`,
    promiseAnswer: (day: string) => `U krijgt uiterlijk ${day} een antwoord.`,
    noPromises: "Er staan geen afspraken open.",
    back: "Terug naar mijn vragen",
    notFoundTitle: "Deze pagina bestaat niet",
    notFoundText: "Controleer het adres. Of ga terug naar uw vragen.",
    untitled: "Vraag zonder onderwerp",
    accessibility: "Toegankelijkheid",
  },
  en: {
    site: "My municipality",
    loginTitle: "Log in",
    loginIntro:
      "Fill in your email address. You will get an email with a 6-digit code. You log in with that code.",
    emailLabel: "Your email address",
    emailHint: "For example: name@example.com",
    sendCode: "Send me a code",
    errorTitle: "Something went wrong",
    errorPrefix: "Error: ",
    emailInvalid: "Fill in a valid email address, for example name@example.com.",
    tooManyCodes: "You have asked for many codes for this email address. Please wait an hour and try again.",
    tooManyRequests: "You have made many requests in a short time. Please wait a few minutes and try again.",
    notSent: "We could not send the email with the code. Please try again later.",
    formExpired: "The page had expired. Please try again.",
    codeTitle: "Fill in your code",
    codeIntro:
      "We have sent an email with a 6-digit code to the email address you filled in. The code is valid for 10 minutes.",
    codeLabel: "6-digit code",
    codeHint: "You find the code in the email. Also look in your spam folder.",
    logIn: "Log in",
    otherCode: "No code? Ask for a new code",
    codeWrong: (left: number) =>
      `This code is not correct. You can try ${left === 1 ? "1 more time" : `${left} more times`}.`,
    codeExpired: "This code is no longer valid. Ask for a new code.",
    codeAttempts: "You have filled in a wrong code too often. Ask for a new code.",
    noCode: "Ask for a code first.",
    codeSubject: (name: string) => `Your code to log in at ${name}`,
    codeEmail: (code: string) =>
      `Your code is ${code}.\n\nFill in this code on the website to log in. The code is valid for 10 minutes.\n\nDid you not ask for a code? Then you can ignore this email. Never give the code to anyone else.`,
    loggedOut: "You have logged out.",
    logout: "Log out",
    myQuestions: "My questions",
    noQuestions: "You have no questions with us yet.",
    questionsFor: (name: string) => `Questions of ${name}`,
    someone: "someone you represent",
    representedIntro: "You act on behalf of this person. These are this person's questions.",
    reference: "Number",
    status: "Status",
    lastActivity: "Last contact",
    via: "Via",
    question: "Question",
    questionTitle: (ref: string) => `Question ${ref}`,
    questionOf: (name: string) => `This question is of ${name}.`,
    history: "What happened",
    you: "You",
    theResident: (name: string) => name,
    municipality: "The municipality",
    viaChannel: (channel: string) => `by ${channel}`,
    phoneIn: "You called the municipality.",
    phoneOut: "The municipality called you.",
    counterVisit: "You visited the municipality's service desk.",
    counterOut: "You spoke to the municipality at the service desk.",
    promises: "What we promise you",
    promiseCallback: (day: string) => `We will call you by ${day} at the latest.`,
    promiseContact: (day: string) => `We will contact you by ${day} at the latest.`,
    promiseAnswer: (day: string) => `You will get an answer by ${day} at the latest.`,
    noPromises: "There are no open promises.",
    back: "Back to my questions",
    notFoundTitle: "This page does not exist",
    notFoundText: "Please check the address. Or go back to your questions.",
    untitled: "Question without a subject",
    accessibility: "Accessibility",
  },
} satisfies Record<Lang, Record<string, unknown>>;

export type Messages = (typeof messages)["nl"];
