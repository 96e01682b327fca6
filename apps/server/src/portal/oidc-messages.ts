import type { Lang } from "./messages";

/** Texts of logging in with DigiD (OpenID Connect) and of joining records (B1 Dutch and English). */
export const oidcMessages = {
  nl: {
    loginWithDigid: "Inloggen met DigiD",
    digidIntro:
      "Heeft u DigiD? Log dan hiermee in. U ziet dan ook de vragen die bij uw burgerservicenummer horen.",
    orCode: "Geen DigiD? Log in met een code",
    codeLoginLink: "Inloggen met een code",
    tryAgain: "Opnieuw inloggen met DigiD",
    failedTitle: "Inloggen met DigiD is niet gelukt",
    cancelled: "U heeft het inloggen met DigiD afgebroken. Er is niets veranderd.",
    expired: "Het inloggen duurde te lang of de pagina was verlopen. Probeer het opnieuw.",
    unavailable: "DigiD is op dit moment niet bereikbaar. Probeer het later opnieuw, of log in met een code.",
    refused: "We konden uw inlog niet controleren. Probeer het opnieuw, of log in met een code.",
    noBsn:
      "We kregen geen geldig burgerservicenummer terug. Log in met een code, of neem contact op met de gemeente.",
    joinTitle: "Uw gegevens koppelen",
    joinIntro:
      "U bent ingelogd met DigiD. In deze browser liet u eerder met een code zien dat dit adres van u is:",
    joinQuestions: "Bij dit adres horen deze vragen:",
    joinNoQuestions: "Bij dit adres horen nog geen vragen.",
    joinExplain:
      "Als u koppelt, horen dit adres en deze vragen voortaan bij u. U ziet ze als u met DigiD inlogt. Een medewerker van de gemeente kan de koppeling terugdraaien als dat nodig is.",
    joinYes: "Ja, koppel mijn gegevens",
    joinNo: "Nee, niet koppelen",
    joined: "Uw gegevens zijn gekoppeld.",
    notJoined: "We hebben niets gekoppeld.",
    nothingToJoin: "Er is niets om te koppelen.",
    linkTitle: "Koppel uw e-mailadres",
    linkIntro:
      "Heeft u de gemeente eerder gemaild? Vul dan dat e-mailadres in. U krijgt een e-mail met een code van 6 cijfers. Daarna ziet u wat we koppelen, en kiest u zelf of u dat wilt.",
    linkEmailLabel: "Uw e-mailadres",
    linkEmailHint: "Bijvoorbeeld: naam@voorbeeld.nl",
    linkCheck: "Controleer de code",
    linkSubject: (name: string) => `Uw code om uw e-mailadres te koppelen bij ${name}`,
    linkEmail: (code: string) =>
      `Uw code is ${code}.\n\nVul deze code in op de website om uw e-mailadres te koppelen. De code is 10 minuten geldig.\n\nHeeft u geen code aangevraagd? Dan kunt u deze e-mail vergeten. Geef de code aan niemand anders.`,
    alreadyYours: "Dit e-mailadres hoort al bij u. Er is niets om te koppelen.",
    kind: { email: "e-mailadres", phone: "telefoonnummer", whatsapp: "WhatsApp" } as Record<string, string>,
  },
  en: {
    loginWithDigid: "Log in with DigiD",
    digidIntro:
      "Do you have DigiD? Then log in with it. You will also see the questions that belong to your citizen service number.",
    orCode: "No DigiD? Log in with a code",
    codeLoginLink: "Log in with a code",
    tryAgain: "Log in with DigiD again",
    failedTitle: "Logging in with DigiD did not work",
    cancelled: "You stopped logging in with DigiD. Nothing has changed.",
    expired: "Logging in took too long or the page had expired. Please try again.",
    unavailable: "DigiD cannot be reached right now. Please try again later, or log in with a code.",
    refused: "We could not check your login. Please try again, or log in with a code.",
    noBsn:
      "We did not get a valid citizen service number back. Log in with a code, or contact the municipality.",
    joinTitle: "Join your records",
    joinIntro:
      "You are logged in with DigiD. Earlier, in this browser, you showed with a code that this address is yours:",
    joinQuestions: "These questions belong to this address:",
    joinNoQuestions: "No questions belong to this address yet.",
    joinExplain:
      "If you join them, this address and these questions will belong to you. You will see them when you log in with DigiD. An employee of the municipality can undo the join if needed.",
    joinYes: "Yes, join my records",
    joinNo: "No, do not join",
    joined: "Your records have been joined.",
    notJoined: "We have not joined anything.",
    nothingToJoin: "There is nothing to join.",
    linkTitle: "Link your email address",
    linkIntro:
      "Did you email the municipality before? Then fill in that email address. You will get an email with a 6-digit code. Then you see what we would join, and you choose whether you want that.",
    linkEmailLabel: "Your email address",
    linkEmailHint: "For example: name@example.com",
    linkCheck: "Check the code",
    linkSubject: (name: string) => `Your code to link your email address at ${name}`,
    linkEmail: (code: string) =>
      `Your code is ${code}.\n\nFill in this code on the website to link your email address. The code is valid for 10 minutes.\n\nDid you not ask for a code? Then you can ignore this email. Never give the code to anyone else.`,
    alreadyYours: "This email address already belongs to you. There is nothing to join.",
    kind: { email: "email address", phone: "phone number", whatsapp: "WhatsApp" } as Record<string, string>,
  },
} satisfies Record<Lang, Record<string, unknown>>;
