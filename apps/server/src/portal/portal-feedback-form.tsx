import { MAX_FEEDBACK_COMMENT_CHARS, type MyFeedback } from "../features/portal";
import { feedbackMessages } from "./feedback-messages";
import { Choices, Field, type FormProblem } from "./portal-forms";
import type { PortalLinks } from "./portal-pages";

/**
 * "Heeft dit u geholpen?" under a resolved question of the resident's own: yes or no and an optional
 * comment, a plain POST form with the CSRF token (works without JavaScript).
 */
export function FeedbackForm(props: {
  links: PortalLinks;
  csrf: string;
  questionId: string;
  current: MyFeedback | null;
  error?: FormProblem;
  values?: Record<string, string>;
}) {
  const { lang } = props.links;
  const w = feedbackMessages[lang];
  const values = props.values ?? {};
  const chosen = values.geholpen ?? (props.current ? (props.current.helped ? "ja" : "nee") : "");
  return (
    <section aria-labelledby="mening-titel">
      <h2 id="mening-titel">{w.title}</h2>
      <p>{w.intro}</p>
      {props.current && <p>{w.earlier(props.current.helped)}</p>}
      <form method="post" action={props.links.href(`vragen/${props.questionId}/geholpen`)} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Choices
          type="radio"
          name="geholpen"
          idPrefix="geholpen"
          legend={w.legend}
          error={props.error}
          lang={lang}
          options={[
            { value: "ja", label: w.yes },
            { value: "nee", label: w.no },
          ]}
          checked={(value) => chosen === value}
        />
        <Field
          id="toelichting"
          label={w.commentLabel}
          hint={w.commentHint(MAX_FEEDBACK_COMMENT_CHARS)}
          error={props.error}
          lang={lang}
          control={(described, invalid) => (
            <textarea
              id="toelichting"
              name="toelichting"
              rows={4}
              maxlength={MAX_FEEDBACK_COMMENT_CHARS}
              aria-describedby={described}
              aria-invalid={invalid ? "true" : undefined}
            >
              {values.toelichting ?? props.current?.comment ?? ""}
            </textarea>
          )}
        />
        <button type="submit">{w.send}</button>
      </form>
    </section>
  );
}
