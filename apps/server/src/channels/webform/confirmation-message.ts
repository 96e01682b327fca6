import type { FormDefinition, Lang } from "./form-definition";

/**
 * The receipt by email. It repeats nothing the resident wrote: the address may be mistyped, and the
 * reference alone is enough to find the question again.
 */
export function confirmationMessage(form: FormDefinition, lang: Lang, reference: string) {
  if (lang === "en")
    return {
      subject: `We have received your question ${reference}`,
      text: [
        "Hello,",
        `We have received your form "${form.title.en}". The number of your question is ${reference}.`,
        "Please mention this number when you contact us about this question. You can also reply to this email.",
        "Kind regards,\nThe municipality",
      ].join("\n\n"),
    };
  return {
    subject: `Wij hebben uw vraag ${reference} ontvangen`,
    text: [
      "Beste inwoner,",
      `Wij hebben uw formulier "${form.title.nl}" ontvangen. Het nummer van uw vraag is ${reference}.`,
      "Noem dit nummer als u contact met ons opneemt over deze vraag. U kunt ook antwoorden op deze e-mail.",
      "Met vriendelijke groet,\nDe gemeente",
    ].join("\n\n"),
  };
}
