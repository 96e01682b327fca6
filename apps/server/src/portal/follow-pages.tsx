import { type FollowedQuestion, MAX_PORTAL_MESSAGE_CHARS } from "../features/portal";
import { followMessages } from "./follow-messages";
import { channelName, dateTimeText, messages, statusName } from "./messages";
import { Field, type FormProblem, MessageField } from "./portal-forms";
import { ErrorSummary, Page, type PortalLinks } from "./portal-pages";

/** The form to follow a question: its number and follow code (posted, so the code is never in a URL). */
export function FollowFormPage(props: {
  links: PortalLinks;
  token: string;
  reference?: string;
  error?: FormProblem;
}) {
  const { lang } = props.links;
  const f = followMessages[lang];
  return (
    <Page links={props.links} title={f.title} hasError={Boolean(props.error)}>
      <h1>{f.title}</h1>
      <ErrorSummary lang={lang} error={props.error?.message} field={props.error?.field} />
      <p>{f.intro}</p>
      <form method="post" action={props.links.href("volgen")} novalidate>
        <input type="hidden" name="_token" value={props.token} />
        <Field
          id="vraagnummer"
          label={f.referenceLabel}
          hint={f.referenceHint}
          error={props.error}
          lang={lang}
          control={(described, invalid) => (
            <input
              id="vraagnummer"
              name="vraagnummer"
              type="text"
              value={props.reference ?? ""}
              required
              autocomplete="off"
              spellcheck={false}
              aria-describedby={described}
              aria-invalid={invalid ? "true" : undefined}
            />
          )}
        />
        <Field
          id="volgcode"
          label={f.codeLabel}
          hint={f.codeHint}
          lang={lang}
          control={(described) => (
            <input
              id="volgcode"
              name="volgcode"
              type="text"
              value=""
              required
              autocomplete="off"
              spellcheck={false}
              aria-describedby={described}
            />
          )}
        />
        <button type="submit">{f.show}</button>
      </form>
      <p>
        <a href={props.links.href("inloggen")}>{f.loginInstead}</a>
      </p>
    </Page>
  );
}

/** One followed question: status, the municipality's messages, the channels to reply on and a message form. */
export function FollowedPage(props: {
  links: PortalLinks;
  token: string;
  question: FollowedQuestion;
  /** As typed: carried in the reply form's hidden fields (a POST body, never a URL). */
  reference: string;
  code: string;
  notice?: string;
  error?: FormProblem;
  text?: string;
}) {
  const { lang } = props.links;
  const w = messages[lang];
  const f = followMessages[lang];
  const q = props.question;
  const on = q.replyOn;
  return (
    <Page links={props.links} title={f.questionTitle(q.reference)} hasError={Boolean(props.error)}>
      <h1>{f.questionTitle(q.reference)}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ErrorSummary lang={lang} error={props.error?.message} field={props.error?.field} />
      <dl>
        <dt>{w.status}</dt>
        <dd>{statusName(lang, q.status)}</dd>
        <dt>{f.asked}</dt>
        <dd>
          <time datetime={q.openedAt.toISOString()}>{dateTimeText(lang, q.openedAt)}</time>
        </dd>
      </dl>
      <h2>{f.messagesTitle}</h2>
      {q.messages.length === 0 ? (
        <p>{f.noMessages}</p>
      ) : (
        <ol class="history">
          {q.messages.map((m) => (
            <li>
              <h3>
                {w.municipality}, {w.viaChannel(channelName(lang, m.channel))}
              </h3>
              <p class="hint">
                <time datetime={m.at.toISOString()}>{dateTimeText(lang, m.at)}</time>
              </p>
              {m.subject && (
                <p>
                  <strong>{m.subject}</strong>
                </p>
              )}
              {m.text.split(/\n{2,}/).map((paragraph) => (
                <p>{paragraph}</p>
              ))}
            </li>
          ))}
        </ol>
      )}
      <h2>{f.replyTitle}</h2>
      <p>{f.replyOnIntro}</p>
      <ul>
        {on.phone && <li>{f.replyPhone(on.phone)}</li>}
        {on.email && <li>{f.replyEmail(on.email)}</li>}
        {on.sms && <li>{f.replySms(on.sms)}</li>}
        {on.whatsapp && <li>{f.replyWhatsapp}</li>}
      </ul>
      <h3>{f.messageTitle}</h3>
      <form method="post" action={props.links.href("volgen/bericht")} novalidate>
        <input type="hidden" name="_token" value={props.token} />
        <input type="hidden" name="vraagnummer" value={props.reference} />
        <input type="hidden" name="volgcode" value={props.code} />
        <MessageField
          label={f.messageLabel}
          hint={f.messageHint(MAX_PORTAL_MESSAGE_CHARS)}
          error={props.error}
          lang={lang}
          value={props.text ?? ""}
        />
        <button type="submit">{f.send}</button>
      </form>
      <p>
        <a href={props.links.href("volgen")}>{f.another}</a>
      </p>
    </Page>
  );
}

/** On the resident's own question in the portal: its follow code, to follow it later without logging in. */
export function FollowCodeNote(props: { links: PortalLinks; code: string }) {
  const f = followMessages[props.links.lang];
  return (
    <section aria-labelledby="volgcode-titel">
      <h3 id="volgcode-titel">{f.followCodeIs}</h3>
      <p class="reference">{props.code}</p>
      <p>{f.followCodeUse}</p>
      <p>
        <a href={props.links.href("volgen")}>{f.followLink}</a>
      </p>
    </section>
  );
}
