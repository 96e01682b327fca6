import type { Lang } from "./messages";

/** Texts of the consent, inzage and privacy-request pages (B1 Dutch and English). */
export const privacyMessages = {
  nl: {
    consentLink: "Toestemming",
    inzageLink: "Mijn gegevens inzien",
    consentTitle: "Toestemming",
    consentIntro:
      "Hier kiest u waarvoor de gemeente uw gegevens mag gebruiken. U kunt uw keuze altijd veranderen. Dat geldt meteen.",
    purposeName: { "proactive-contact": "Hulp aanbieden voordat u erom vraagt" } as Record<string, string>,
    purposeText: {
      "proactive-contact":
        "Soms zien we aan uw contact met ons dat u vastloopt. Bijvoorbeeld als u vaak over hetzelfde belt of mailt. Dan kan een medewerker u hulp aanbieden. Zonder toestemming kijken we daar niet naar en bellen of mailen we u daarover niet.",
    } as Record<string, string>,
    stateGiven: "U geeft toestemming.",
    stateWithdrawn: "U geeft geen toestemming.",
    byDefault: (basis: string) =>
      basis === "opt-out"
        ? "U heeft nog niets gekozen. De gemeente doet dit dan wel, tot u nee zegt."
        : "U heeft nog niets gekozen. De gemeente doet dit dan niet, tot u ja zegt.",
    chosenAt: (when: string) => `U koos dit op ${when}.`,
    give: "Ja, ik geef toestemming",
    withdraw: "Nee, ik trek mijn toestemming in",
    consentSaved: "Uw keuze is opgeslagen. Die geldt vanaf nu.",
    inzageTitle: "Mijn gegevens inzien",
    inzageIntro:
      "Dit zijn alle gegevens die de gemeente over u heeft in het klantcontactsysteem, en wie ze heeft bekeken. U mag dit altijd zien (AVG artikel 15).",
    downloadJson: "Download als bestand voor de computer (JSON)",
    downloadPdf: "Download als document om te lezen (PDF)",
    identifiers: "Hoe wij u herkennen",
    kind: "Soort",
    value: "Gegeven",
    verification: "Hoe gecontroleerd",
    since: "Sinds",
    verifiedOn: "Gecontroleerd op",
    questions: "Uw vragen en contacten",
    noQuestions: "U heeft nog geen vragen.",
    contactsCount: (n: number) => (n === 1 ? "1 contact" : `${n} contacten`),
    preferences: "Uw voorkeuren",
    preferredChannel: "Voorkeurskanaal",
    language: "Taal",
    needs: "Wat u nodig heeft",
    noDigital: "Geen digitaal contact",
    none: "geen",
    yes: "ja",
    no: "nee",
    consents: "Uw toestemmingen",
    access: "Wie heeft uw gegevens bekeken",
    signals: "Signalen over u",
    signalsIntro:
      "De gemeente kijkt of inwoners vastlopen, bijvoorbeeld als iemand vaak contact opneemt over hetzelfde. Dat doet een computerregel; die neemt nooit zelf contact met u op. Een medewerker bekijkt elk signaal en beslist. Dit vond de regel over u:",
    noSignals: "Er zijn geen signalen over u.",
    signalStatus: {
      open: "nog niet bekeken door een medewerker",
      accepted: "een medewerker neemt contact met u op",
      dismissed: "een medewerker vond dat er niets hoeft te gebeuren",
      snoozed: "een medewerker kijkt er later nog eens naar",
    } as Record<string, string>,
    rule: (description: string, version: number) => `${description} (regel versie ${version})`,
    accessIntro: (names: boolean) =>
      names
        ? "Elke keer dat iemand uw gegevens bekijkt of verandert, schrijven we op wie, wanneer en waarom."
        : "Elke keer dat iemand uw gegevens bekijkt of verandert, schrijven we op wie, wanneer en waarom. Van medewerkers tonen we hun functie en team, niet hun naam.",
    when: "Wanneer",
    who: "Wie",
    what: "Wat",
    why: "Waarom",
    you: "U zelf",
    system: "Het systeem",
    employee: "Medewerker",
    noAccess: "Nog niemand.",
    requestTitle: "Vraag om correctie of verwijdering",
    requestIntro:
      "Klopt er iets niet? Of wilt u dat we gegevens verwijderen? Vraag het hier. De privacyfunctionaris van de gemeente antwoordt binnen een maand.",
    requestKind: "Wat vraagt u?",
    correction: "Verbeter mijn gegevens",
    erasure: "Verwijder mijn gegevens",
    requestText: "Welke gegevens, en wat moet er veranderen?",
    requestHint: "Bijvoorbeeld: mijn telefoonnummer is niet meer 06 12345678.",
    send: "Verstuur verzoek",
    requestEmpty: "Schrijf eerst wat we moeten verbeteren of verwijderen.",
    requestTooLong: (n: number) => `Uw verzoek is te lang. Gebruik hoogstens ${n} tekens.`,
    requestKindMissing: "Kies wat u vraagt.",
    requestDone: (reference: string, due: string) =>
      `We hebben uw verzoek ontvangen (kenmerk ${reference}). U krijgt uiterlijk ${due} antwoord.`,
  },
  en: {
    consentLink: "Consent",
    inzageLink: "See my data",
    consentTitle: "Consent",
    consentIntro:
      "Here you choose what the municipality may use your data for. You can change your choice at any time. It counts at once.",
    purposeName: { "proactive-contact": "Offering help before you ask" } as Record<string, string>,
    purposeText: {
      "proactive-contact":
        "Sometimes your contacts with us show that you are stuck, for example when you call or write about the same thing often. Then an employee may offer you help. Without consent we do not look at this and do not contact you about it.",
    } as Record<string, string>,
    stateGiven: "You give consent.",
    stateWithdrawn: "You do not give consent.",
    byDefault: (basis: string) =>
      basis === "opt-out"
        ? "You have not chosen yet. The municipality then does this, until you say no."
        : "You have not chosen yet. The municipality then does not do this, until you say yes.",
    chosenAt: (when: string) => `You chose this on ${when}.`,
    give: "Yes, I give consent",
    withdraw: "No, I withdraw my consent",
    consentSaved: "Your choice has been saved. It counts from now on.",
    inzageTitle: "See my data",
    inzageIntro:
      "This is all the data the municipality holds on you in its customer contact system, and who looked at it. You may always see this (GDPR article 15).",
    downloadJson: "Download as a file for computers (JSON)",
    downloadPdf: "Download as a document to read (PDF)",
    identifiers: "How we recognise you",
    kind: "Kind",
    value: "Value",
    verification: "How checked",
    since: "Since",
    verifiedOn: "Checked on",
    questions: "Your questions and contacts",
    noQuestions: "You have no questions yet.",
    contactsCount: (n: number) => (n === 1 ? "1 contact" : `${n} contacts`),
    preferences: "Your preferences",
    preferredChannel: "Preferred channel",
    language: "Language",
    needs: "What you need",
    noDigital: "No digital contact",
    none: "none",
    yes: "yes",
    no: "no",
    consents: "Your consents",
    access: "Who looked at your data",
    signals: "Signals about you",
    signalsIntro:
      "The municipality looks out for residents who get stuck, for example when someone contacts us often about the same thing. A computer rule does this; it never contacts you by itself. An employee looks at every signal and decides. This is what the rule found about you:",
    noSignals: "There are no signals about you.",
    signalStatus: {
      open: "not yet looked at by an employee",
      accepted: "an employee will contact you",
      dismissed: "an employee decided nothing needs to happen",
      snoozed: "an employee will look at it again later",
    } as Record<string, string>,
    rule: (description: string, version: number) => `${description} (rule version ${version})`,
    accessIntro: (names: boolean) =>
      names
        ? "Every time someone looks at or changes your data, we record who, when and why."
        : "Every time someone looks at or changes your data, we record who, when and why. For employees we show their role and team, not their name.",
    when: "When",
    who: "Who",
    what: "What",
    why: "Why",
    you: "You",
    system: "The system",
    employee: "Employee",
    noAccess: "Nobody yet.",
    requestTitle: "Ask for correction or erasure",
    requestIntro:
      "Is something wrong? Or do you want us to erase data? Ask here. The municipality's privacy officer answers within one month.",
    requestKind: "What are you asking?",
    correction: "Correct my data",
    erasure: "Erase my data",
    requestText: "Which data, and what should change?",
    requestHint: "For example: my phone number is no longer 06 12345678.",
    send: "Send request",
    requestEmpty: "First write what we should correct or erase.",
    requestTooLong: (n: number) => `Your request is too long. Use at most ${n} characters.`,
    requestKindMissing: "Choose what you are asking.",
    requestDone: (reference: string, due: string) =>
      `We have received your request (reference ${reference}). You will get an answer by ${due} at the latest.`,
  },
} satisfies Record<Lang, unknown>;

const PURPOSES: Record<string, { nl: string; en: string }> = {
  "resident-self-service": { nl: "U keek zelf in Mijn gemeente", en: "You, in My municipality" },
  "contact-handling": { nl: "Uw vraag beantwoorden", en: "Answering your question" },
  "case-handling": { nl: "Uw zaak behandelen", en: "Handling your case" },
  "case-guidance": { nl: "Begeleiding", en: "Case guidance" },
  "quality-supervision": { nl: "Kwaliteitscontrole", en: "Quality supervision" },
  "privacy-request": { nl: "Uw privacyverzoek", en: "Your privacy request" },
  "system-integration": { nl: "Koppeling met een ander systeem", en: "Link with another system" },
  administration: { nl: "Beheer", en: "Administration" },
};

export function purposeText(lang: Lang, purpose: string): string {
  return PURPOSES[purpose]?.[lang] ?? purpose;
}

const VERIFICATIONS: Record<string, { nl: string; en: string }> = {
  "asserted-by-channel": {
    nl: "zo ontvangen via het kanaal, niet apart gecontroleerd",
    en: "as received on the channel, not checked",
  },
  login: { nl: "bij het inloggen", en: "when logging in" },
  code: { nl: "met een code die u ontving", en: "with a code you received" },
  "counter-id-check": { nl: "met uw identiteitsbewijs aan de balie", en: "with your ID at the counter" },
  staff: { nl: "door een medewerker", en: "by an employee" },
  import: { nl: "overgenomen uit een ander systeem", en: "taken over from another system" },
};

export function verificationText(lang: Lang, verification: string): string {
  return VERIFICATIONS[verification]?.[lang] ?? verification;
}
