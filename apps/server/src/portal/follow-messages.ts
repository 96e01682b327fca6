import type { Lang } from "./messages";

/** Texts of following a question by its number and follow code, without logging in (B1 Dutch and English). */
export const followMessages = {
  nl: {
    title: "Uw vraag volgen",
    intro:
      "Vul het nummer van uw vraag en uw volgcode in. U vindt ze in de bevestiging die u kreeg toen u uw vraag stelde. U hoeft niet in te loggen.",
    referenceLabel: "Nummer van uw vraag",
    referenceHint: "Bijvoorbeeld: VB7-K3P",
    codeLabel: "Volgcode",
    codeHint: "8 letters en cijfers, bijvoorbeeld: AB12-CD34",
    show: "Bekijk mijn vraag",
    notFound:
      "We vinden geen vraag met dit nummer en deze volgcode. Controleer het nummer en de code en probeer het opnieuw.",
    questionTitle: (reference: string) => `Vraag ${reference}`,
    asked: "Gesteld op",
    messagesTitle: "Berichten van de gemeente",
    noMessages: "De gemeente heeft u over deze vraag nog geen bericht gestuurd.",
    replyTitle: "Reageren",
    replyOnIntro:
      "Noem uw vraagnummer als u belt, mailt, sms't of WhatsAppt. Dan komt uw bericht bij deze vraag.",
    replyPhone: (n: string) => `Bellen: ${n}`,
    replyEmail: (a: string) => `E-mail: ${a}`,
    replySms: (n: string) => `Sms: ${n}`,
    replyWhatsapp: "WhatsApp: via het WhatsApp-nummer van de gemeente",
    messageTitle: "Of schrijf hier een bericht",
    messageLabel: "Uw bericht",
    messageHint: (max: number) =>
      `Uw bericht komt bij deze vraag. Schrijf geen gegevens die niet nodig zijn. Hoogstens ${max} tekens.`,
    send: "Verstuur bericht",
    sent: "Uw bericht is verstuurd. Het staat bij uw vraag.",
    empty: "Schrijf eerst uw bericht.",
    tooLong: "Uw bericht is te lang. Maak het korter.",
    another: "Een andere vraag volgen",
    loginInstead: "Heeft u een account? Log dan in om al uw vragen te zien.",
    followLink: "Een vraag volgen zonder in te loggen",
    followCodeIs: "Volgcode van deze vraag:",
    followCodeUse:
      "Met het nummer en de volgcode kunt u deze vraag ook volgen zonder in te loggen. Geef de code aan niemand anders.",
  },
  en: {
    title: "Follow your question",
    intro:
      "Fill in the number of your question and your follow code. You find them in the confirmation you got when you asked your question. You do not need to log in.",
    referenceLabel: "Number of your question",
    referenceHint: "For example: VB7-K3P",
    codeLabel: "Follow code",
    codeHint: "8 letters and digits, for example: AB12-CD34",
    show: "Show my question",
    notFound:
      "We cannot find a question with this number and this follow code. Check the number and the code and try again.",
    questionTitle: (reference: string) => `Question ${reference}`,
    asked: "Asked on",
    messagesTitle: "Messages from the municipality",
    noMessages: "The municipality has not sent you a message about this question yet.",
    replyTitle: "Reply",
    replyOnIntro:
      "Mention your question number when you call, email, text or WhatsApp us. Then your message goes with this question.",
    replyPhone: (n: string) => `Call: ${n}`,
    replyEmail: (a: string) => `Email: ${a}`,
    replySms: (n: string) => `Text message: ${n}`,
    replyWhatsapp: "WhatsApp: through the municipality's WhatsApp number",
    messageTitle: "Or write a message here",
    messageLabel: "Your message",
    messageHint: (max: number) =>
      `Your message goes with this question. Do not write details that are not needed. At most ${max} characters.`,
    send: "Send message",
    sent: "Your message has been sent. It is with your question.",
    empty: "Write your message first.",
    tooLong: "Your message is too long. Please make it shorter.",
    another: "Follow another question",
    loginInstead: "Do you have an account? Then log in to see all your questions.",
    followLink: "Follow a question without logging in",
    followCodeIs: "Follow code of this question:",
    followCodeUse:
      "With the number and the follow code you can also follow this question without logging in. Keep the code to yourself.",
  },
} satisfies Record<Lang, Record<string, unknown>>;
