import { defaultTopics } from "@omniloket/domain";
import type { Child } from "hono/jsx";
import { Layout } from "../channels/webform";
import type { HistoryEntry, MyQuestion, MyQuestionSummary, MyQuestions } from "../features/portal";
import { appointmentMessages } from "./appointment-messages";
import { DigidLogin } from "./digid-login";
import { followMessages } from "./follow-messages";
import { channelName, dateTimeText, dayText, type Lang, messages, statusName } from "./messages";
import { privacyMessages } from "./privacy-messages";
import { smsLoginMessages } from "./sms-login-messages";

/** Links of one page: where things are, with the language the resident chose in the URL kept. */
export type PortalLinks = {
  lang: Lang;
  /** The same page in the other language. */
  langSwitch: string;
  href(path: string): string;
  /** The accessibility statement, in the same language. */
  accessibility: string;
};

export function Page(props: { links: PortalLinks; title: string; hasError?: boolean; children: Child }) {
  const w = messages[props.links.lang];
  return (
    <Layout
      lang={props.links.lang}
      title={`${props.hasError ? w.errorPrefix : ""}${props.title} | ${w.site}`}
      langSwitch={props.links.langSwitch}
    >
      {props.children}
      <footer>
        <p>
          <a href={props.links.accessibility}>{w.accessibility}</a>
        </p>
      </footer>
    </Layout>
  );
}

export function ErrorSummary(props: { lang: Lang; error?: string; field?: string }) {
  if (!props.error) return null;
  const w = messages[props.lang];
  return (
    <div class="error-summary" role="alert" aria-labelledby="fouten-titel" tabindex={-1}>
      <h2 id="fouten-titel">{w.errorTitle}</h2>
      <ul>
        <li>{props.field ? <a href={`#${props.field}`}>{props.error}</a> : props.error}</li>
      </ul>
    </div>
  );
}

function TextField(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  type: "email" | "text";
  value?: string;
  error?: string;
  autocomplete: string;
  inputmode?: "numeric";
  lang: Lang;
}) {
  const w = messages[props.lang];
  const described = [`${props.id}-uitleg`, props.error && `${props.id}-fout`].filter(Boolean).join(" ");
  return (
    <div class={`field${props.error ? " invalid" : ""}`}>
      <label for={props.id}>{props.label}</label>
      <p id={`${props.id}-uitleg`} class="hint">
        {props.hint}
      </p>
      {props.error && (
        <p id={`${props.id}-fout`} class="error">
          <span>{w.errorPrefix}</span>
          {props.error}
        </p>
      )}
      <input
        id={props.id}
        name={props.name}
        type={props.type}
        value={props.value ?? ""}
        required
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        spellcheck={false}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={described}
      />
    </div>
  );
}

export function LoginPage(props: {
  links: PortalLinks;
  action: string;
  token: string;
  email?: string;
  error?: string;
  notice?: string;
  /** Where "Inloggen met DigiD" starts, when OpenID Connect is configured; offered first. */
  digid?: string;
}) {
  const w = messages[props.links.lang];
  return (
    <Page links={props.links} title={w.loginTitle} hasError={Boolean(props.error)}>
      <h1>{w.loginTitle}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ErrorSummary lang={props.links.lang} error={props.error} field="email" />
      {props.digid && <DigidLogin links={props.links} href={props.digid} />}
      <p>{w.loginIntro}</p>
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="_token" value={props.token} />
        <TextField
          id="email"
          name="email"
          type="text"
          label={w.emailLabel}
          hint={w.emailHint}
          value={props.email}
          error={props.error}
          autocomplete="username"
          lang={props.links.lang}
        />
        <button type="submit">{w.sendCode}</button>
      </form>
      <p>
        <a href={props.links.href("volgen")}>{followMessages[props.links.lang].followLink}</a>
      </p>
    </Page>
  );
}

const demoMailboxText = {
  nl: {
    label: "Demo:",
    text: "er is geen e-mailserver ingesteld. De e-mail met de code staat daarom in het demopostvak (alleen te openen op de computer waarop Omniloket draait).",
    link: "Naar het demopostvak",
  },
  en: {
    label: "Demo:",
    text: "no email server is set up. So the email with the code is in the demo mailbox (it opens only on the computer that runs Omniloket).",
    link: "Go to the demo mailbox",
  },
};

export function CodePage(props: {
  links: PortalLinks;
  action: string;
  token: string;
  error?: string;
  requestAgain: string;
  /** The code went by SMS (else by email). */
  bySms?: boolean;
  /** Demo mode without an SMTP relay: the demo mailbox's address, for codes sent by email. */
  demoMailbox?: string;
}) {
  const w = messages[props.links.lang];
  const sms = smsLoginMessages[props.links.lang];
  const demo = demoMailboxText[props.links.lang];
  return (
    <Page links={props.links} title={w.codeTitle} hasError={Boolean(props.error)}>
      <h1>{w.codeTitle}</h1>
      <ErrorSummary lang={props.links.lang} error={props.error} field="code" />
      <p>{props.bySms ? sms.codeIntroSms : w.codeIntro}</p>
      {props.demoMailbox && !props.bySms && (
        <p class="notice">
          <strong>{demo.label}</strong> {demo.text}{" "}
          <a href={props.links.lang === "en" ? `${props.demoMailbox}?lang=en` : props.demoMailbox}>
            {demo.link}
          </a>
        </p>
      )}
      <form method="post" action={props.action} novalidate>
        <input type="hidden" name="_token" value={props.token} />
        <TextField
          id="code"
          name="code"
          type="text"
          label={w.codeLabel}
          hint={props.bySms ? sms.codeHintSms : w.codeHint}
          error={props.error}
          autocomplete="one-time-code"
          inputmode="numeric"
          lang={props.links.lang}
        />
        <button type="submit">{w.logIn}</button>
      </form>
      <p>
        <a href={props.requestAgain}>{w.otherCode}</a>
      </p>
    </Page>
  );
}

/** Logged-in pages: the way out on every page (a POST form with the session's CSRF token). */
export function LoggedIn(props: { links: PortalLinks; csrf: string; logout: string }) {
  const w = messages[props.links.lang];
  return (
    <nav aria-label={w.site}>
      <p>
        <a href={props.links.href("afspraken")}>{appointmentMessages[props.links.lang].myAppointmentsLink}</a>
      </p>
      <p>
        <a href={props.links.href("voorkeuren")}>{w.preferencesLink}</a>
      </p>
      <p>
        <a href={props.links.href("toestemming")}>{privacyMessages[props.links.lang].consentLink}</a>
      </p>
      <p>
        <a href={props.links.href("inzage")}>{privacyMessages[props.links.lang].inzageLink}</a>
      </p>
      <form method="post" action={props.logout} class="logout">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit">{w.logout}</button>
      </form>
    </nav>
  );
}

function titleOf(lang: Lang, q: { subject: string | null; topicId: string | null }): string {
  if (q.subject?.trim()) return q.subject.trim();
  const topic = defaultTopics.topics.find((t) => t.id === q.topicId);
  return topic ? topic[lang] : messages[lang].untitled;
}

function QuestionList(props: { links: PortalLinks; questions: MyQuestionSummary[]; headingLevel: 2 | 3 }) {
  const { lang } = props.links;
  const w = messages[lang];
  return (
    <ul class="questions">
      {props.questions.map((q) => (
        <li>
          {props.headingLevel === 2 ? (
            <h2>
              <a href={props.links.href(`vragen/${q.id}`)}>{titleOf(lang, q)}</a>
            </h2>
          ) : (
            <h3>
              <a href={props.links.href(`vragen/${q.id}`)}>{titleOf(lang, q)}</a>
            </h3>
          )}
          <dl>
            <dt>{w.status}</dt>
            <dd>{statusName(lang, q.status)}</dd>
            <dt>{w.lastActivity}</dt>
            <dd>{dateTimeText(lang, q.lastActivityAt)}</dd>
            <dt>{w.via}</dt>
            <dd>{q.channels.map((c) => channelName(lang, c)).join(", ")}</dd>
            <dt>{w.reference}</dt>
            <dd>{q.reference}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function QuestionsPage(props: {
  links: PortalLinks;
  csrf: string;
  logout: string;
  data: MyQuestions;
}) {
  const { lang } = props.links;
  const w = messages[lang];
  return (
    <Page links={props.links} title={w.myQuestions}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <h1>{w.myQuestions}</h1>
      {props.data.own.length === 0 ? (
        <p>{w.noQuestions}</p>
      ) : (
        <QuestionList links={props.links} questions={props.data.own} headingLevel={2} />
      )}
      {props.data.represented.map((person) => (
        <section aria-labelledby={`voor-${person.partyId}`}>
          <h2 id={`voor-${person.partyId}`}>{w.questionsFor(person.name ?? w.someone)}</h2>
          <p>{w.representedIntro}</p>
          <QuestionList links={props.links} questions={person.questions} headingLevel={3} />
        </section>
      ))}
    </Page>
  );
}

function entryText(lang: Lang, entry: HistoryEntry): string | null {
  const w = messages[lang];
  if (entry.text !== null) return entry.text;
  if (entry.channel === "phone") return entry.by === "resident" ? w.phoneIn : w.phoneOut;
  if (entry.channel === "counter") return entry.by === "resident" ? w.counterVisit : w.counterOut;
  return null;
}

export function QuestionPage(props: {
  links: PortalLinks;
  csrf: string;
  logout: string;
  question: MyQuestion;
  /** A confirmation after a change (post/redirect/get). */
  notice?: string;
  /** A refused post: the summary on top, the field marked in the form (one of `children`). */
  error?: { field: string; message: string };
  /** The forms to continue the question (own questions only). */
  children?: Child;
}) {
  const { lang } = props.links;
  const w = messages[lang];
  const q = props.question;
  const resident = q.representedName === null ? w.you : q.representedName || w.someone;
  return (
    <Page links={props.links} title={w.questionTitle(q.reference)} hasError={Boolean(props.error)}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <p>
        <a href={props.links.href("vragen")}>{w.back}</a>
      </p>
      <h1>{w.questionTitle(q.reference)}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ErrorSummary lang={lang} error={props.error?.message} field={props.error?.field} />
      {q.representedName !== null && <p>{w.questionOf(q.representedName || w.someone)}</p>}
      <dl>
        <dt>{w.status}</dt>
        <dd>{statusName(lang, q.status)}</dd>
      </dl>
      <h2>{w.promises}</h2>
      {q.promises.length === 0 ? (
        <p>{w.noPromises}</p>
      ) : (
        <ul class="promises">
          {q.promises.map((p) => {
            const day = dayText(lang, p.by);
            return (
              <li>
                {p.kind === "callback"
                  ? w.promiseCallback(day)
                  : p.kind === "contact"
                    ? w.promiseContact(day)
                    : w.promiseAnswer(day)}
              </li>
            );
          })}
        </ul>
      )}
      <h2>{w.history}</h2>
      <ol class="history">
        {q.history.map((entry) => {
          const text = entryText(lang, entry);
          return (
            <li>
              <h3>
                {entry.by === "resident" ? resident : w.municipality},{" "}
                {w.viaChannel(channelName(lang, entry.channel))}
              </h3>
              <p class="hint">
                <time datetime={entry.at.toISOString()}>{dateTimeText(lang, entry.at)}</time>
              </p>
              {entry.subject && (
                <p>
                  <strong>{entry.subject}</strong>
                </p>
              )}
              {text?.split(/\n{2,}/).map((paragraph) => (
                <p>{paragraph}</p>
              ))}
            </li>
          );
        })}
      </ol>
      {props.children}
    </Page>
  );
}

export function PortalMessagePage(props: { links: PortalLinks; title: string; text: string; back?: string }) {
  const w = messages[props.links.lang];
  return (
    <Page links={props.links} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      {props.back && (
        <p>
          <a href={props.back}>{w.back}</a>
        </p>
      )}
    </Page>
  );
}
