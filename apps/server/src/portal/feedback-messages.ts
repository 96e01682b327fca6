import type { Lang } from "./messages";

/** Texts of "Heeft dit u geholpen?" on a resolved question (B1 Dutch and English). */
export const feedbackMessages = {
  nl: {
    title: "Uw mening",
    legend: "Heeft dit u geholpen?",
    intro: "Uw vraag is afgerond. Met uw antwoord kunnen we onze hulp beter maken.",
    yes: "Ja",
    no: "Nee",
    commentLabel: "Wilt u nog iets zeggen? (niet verplicht)",
    commentHint: (max: number) =>
      `Hoogstens ${max} tekens. Schrijf hier geen BSN of andere persoonlijke nummers.`,
    send: "Antwoord versturen",
    earlier: (helped: boolean) =>
      `U antwoordde eerder: ${helped ? "ja" : "nee"}. U kunt uw antwoord veranderen.`,
    thanks: "Bedankt voor uw antwoord. We hebben het opgeslagen.",
    missing: "Kies ja of nee.",
    tooLong: (max: number) => `Uw toelichting is te lang. Gebruik hoogstens ${max} tekens.`,
    notResolved: "U kunt dit pas invullen als uw vraag is afgerond.",
  },
  en: {
    title: "Your opinion",
    legend: "Did this help you?",
    intro: "Your question has been resolved. Your answer helps us improve our help.",
    yes: "Yes",
    no: "No",
    commentLabel: "Anything else you want to tell us? (optional)",
    commentHint: (max: number) =>
      `At most ${max} characters. Do not write your citizen service number or other personal numbers.`,
    send: "Send answer",
    earlier: (helped: boolean) =>
      `You answered before: ${helped ? "yes" : "no"}. You can change your answer.`,
    thanks: "Thank you for your answer. We have saved it.",
    missing: "Choose yes or no.",
    tooLong: (max: number) => `Your comment is too long. Use at most ${max} characters.`,
    notResolved: "You can fill this in once your question has been resolved.",
  },
} satisfies Record<Lang, unknown>;
