import type { FormDefinition, Lang } from "./form-definition";

/** The follow code of the question and where to use it (an absolute URL when the public URL is known). */
export type FollowInfo = { code: string; url: string | null };

const MASK = "****-****";

/**
 * The receipt by email. It repeats nothing the resident wrote: the address may be mistyped, and the
 * reference alone is enough to find the question again. With a follow code, `text` (stored in the
 * timeline) masks it and `sentText` (sent from the outbox row, which forgets it once sent) carries it.
 */
export function confirmationMessage(
  form: FormDefinition,
  lang: Lang,
  reference: string,
  follow?: FollowInfo,
) {
  const compose = (code: string) => {
    if (lang === "en")
      return {
        subject: `We have received your question ${reference}`,
        text: [
          "Hello,",
          `We have received your form "${form.title.en}". The number of your question is ${reference}.`,
          "Please mention this number when you contact us about this question. You can also reply to this email.",
          ...(follow
            ? [
                `Your follow code is ${code}. With the number and this code you can see how your question is doing, without logging in${follow.url ? `: ${follow.url}` : ""}. Keep the code to yourself.`,
              ]
            : []),
          "Kind regards,\nThe municipality",
        ].join("\n\n"),
      };
    return {
      subject: `Wij hebben uw vraag ${reference} ontvangen`,
      text: [
        "Beste inwoner,",
        `Wij hebben uw formulier "${form.title.nl}" ontvangen. Het nummer van uw vraag is ${reference}.`,
        "Noem dit nummer als u contact met ons opneemt over deze vraag. U kunt ook antwoorden op deze e-mail.",
        ...(follow
          ? [
              `Uw volgcode is ${code}. Met het nummer en deze code ziet u hoe het met uw vraag staat, zonder in te loggen${follow.url ? `: ${follow.url}` : ""}. Geef de code aan niemand anders.`,
            ]
          : []),
        "Met vriendelijke groet,\nDe gemeente",
      ].join("\n\n"),
    };
  };
  if (!follow) return compose("");
  const stored = compose(MASK);
  return { ...stored, sentText: compose(follow.code).text };
}
