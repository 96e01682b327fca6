import { defaultTopics } from "@omniloket/domain";
import { MAX_PRIVACY_REQUEST_CHARS, type MyConsent, type MyInzage } from "../features/portal";
import { channelName, dateTimeText, dayText, type Lang } from "./messages";
import { Choices, Field, type FormProblem } from "./portal-forms";
import { ErrorSummary, LoggedIn, Page, type PortalLinks } from "./portal-pages";
import { privacyMessages, purposeText, verificationText } from "./privacy-messages";

type Common = { links: PortalLinks; csrf: string; logout: string; notice?: string };

function Notice(props: { text?: string }) {
  return props.text ? (
    <p class="notice" role="status">
      {props.text}
    </p>
  ) : null;
}

export function ConsentPage(props: Common & { consents: MyConsent[] }) {
  const { lang } = props.links;
  const p = privacyMessages[lang];
  return (
    <Page links={props.links} title={p.consentTitle}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <h1>{p.consentTitle}</h1>
      <Notice text={props.notice} />
      <p>{p.consentIntro}</p>
      {props.consents.map((c) => (
        <section aria-labelledby={`doel-${c.purpose}`}>
          <h2 id={`doel-${c.purpose}`}>{p.purposeName[c.purpose] ?? c.purpose}</h2>
          <p>{p.purposeText[c.purpose]}</p>
          <p>
            <strong>{c.given ? p.stateGiven : p.stateWithdrawn}</strong>{" "}
            {c.recordedAt ? p.chosenAt(dateTimeText(lang, c.recordedAt)) : p.byDefault(c.basis)}
          </p>
          <form method="post" action={props.links.href("toestemming")}>
            <input type="hidden" name="_csrf" value={props.csrf} />
            <input type="hidden" name="doel" value={c.purpose} />
            <input type="hidden" name="keuze" value={c.given ? "nee" : "ja"} />
            <button type="submit">{c.given ? p.withdraw : p.give}</button>
          </form>
        </section>
      ))}
    </Page>
  );
}

function topicName(lang: Lang, id: string | null): string {
  const topic = defaultTopics.topics.find((t) => t.id === id);
  return topic ? topic[lang] : (id ?? "—");
}

export function InzagePage(props: Common & { inzage: MyInzage }) {
  const { lang } = props.links;
  const p = privacyMessages[lang];
  const d = props.inzage;
  return (
    <Page links={props.links} title={p.inzageTitle}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <h1>{p.inzageTitle}</h1>
      <p>{p.inzageIntro}</p>
      <ul>
        <li>
          <a href={props.links.href("inzage.pdf")} download>
            {p.downloadPdf}
          </a>
        </li>
        <li>
          <a href={props.links.href("inzage.json")} download>
            {p.downloadJson}
          </a>
        </li>
      </ul>
      <h2>{p.identifiers}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{p.kind}</th>
            <th scope="col">{p.value}</th>
            <th scope="col">{p.verification}</th>
            <th scope="col">{p.verifiedOn}</th>
          </tr>
        </thead>
        <tbody>
          {d.identifiers.map((i) => (
            <tr>
              <td>{i.kind}</td>
              <td>{i.value}</td>
              <td>{verificationText(lang, i.verification)}</td>
              <td>{i.verifiedAt ? dateTimeText(lang, i.verifiedAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{p.questions}</h2>
      {d.questions.length === 0 ? (
        <p>{p.noQuestions}</p>
      ) : (
        <ul>
          {d.questions.map((q) => (
            <li>
              {q.reference}: {topicName(lang, q.topicId)}, {dateTimeText(lang, q.openedAt)} (
              {p.contactsCount(q.contacts.length)}:{" "}
              {[...new Set(q.contacts.map((c) => channelName(lang, c.channel)))].join(", ")})
            </li>
          ))}
        </ul>
      )}
      <h2>{p.preferences}</h2>
      <dl>
        <dt>{p.preferredChannel}</dt>
        <dd>{d.preferences.preferredChannel ? channelName(lang, d.preferences.preferredChannel) : p.none}</dd>
        <dt>{p.language}</dt>
        <dd>{d.preferences.language ?? p.none}</dd>
        <dt>{p.needs}</dt>
        <dd>{d.preferences.needs.join(", ") || p.none}</dd>
        <dt>{p.noDigital}</dt>
        <dd>{d.preferences.noDigitalContact ? p.yes : p.no}</dd>
      </dl>
      <h2>{p.consents}</h2>
      <ul>
        {d.consents.map((c) => (
          <li>
            {p.purposeName[c.purpose] ?? c.purpose}: {c.given ? p.stateGiven : p.stateWithdrawn}
          </li>
        ))}
      </ul>
      <h2>{p.signals}</h2>
      <p>{p.signalsIntro}</p>
      {d.signals.length === 0 ? (
        <p>{p.noSignals}</p>
      ) : (
        <ul>
          {d.signals.map((signal) => (
            <li>
              <strong>{p.rule(signal.description, signal.ruleVersion)}</strong>
              <br />
              {signal.explanation}
              <br />
              {dateTimeText(lang, signal.detectedAt)}: {p.signalStatus[signal.status] ?? signal.status}
            </li>
          ))}
        </ul>
      )}
      <h2>{p.access}</h2>
      <p>{p.accessIntro(d.employeeNamesShown)}</p>
      {d.accessLog.length === 0 ? (
        <p>{p.noAccess}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{p.when}</th>
              <th scope="col">{p.who}</th>
              <th scope="col">{p.why}</th>
            </tr>
          </thead>
          <tbody>
            {d.accessLog.map((a) => (
              <tr>
                <td>{dateTimeText(lang, a.at)}</td>
                <td>{accessWho(lang, a)}</td>
                <td>{purposeText(lang, a.purpose)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={props.links.href("inzage/verzoek")}>{p.requestTitle}</a>
      </p>
    </Page>
  );
}

export function accessWho(lang: Lang, a: MyInzage["accessLog"][number]): string {
  const p = privacyMessages[lang];
  if (a.who === "resident") return p.you;
  if (a.who === "system" || !a.employee) return p.system;
  const role = [a.employee.roles.join(", "), a.employee.teams.join(", ")].filter(Boolean).join("; ");
  return [a.employee.name ?? p.employee, role && `(${role})`].filter(Boolean).join(" ");
}

export function PrivacyRequestPage(props: Common & { error?: FormProblem; values?: Record<string, string> }) {
  const { lang } = props.links;
  const p = privacyMessages[lang];
  const v = props.values ?? {};
  return (
    <Page links={props.links} title={p.requestTitle} hasError={Boolean(props.error)}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <h1>{p.requestTitle}</h1>
      <Notice text={props.notice} />
      <ErrorSummary lang={lang} error={props.error?.message} field={props.error?.field} />
      <p>{p.requestIntro}</p>
      <form method="post" action={props.links.href("inzage/verzoek")} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Choices
          type="radio"
          name="soort"
          idPrefix="soort"
          legend={p.requestKind}
          error={props.error}
          lang={lang}
          options={[
            { value: "correction", label: p.correction },
            { value: "erasure", label: p.erasure },
          ]}
          checked={(value) => v.soort === value}
        />
        <Field
          id="verzoek"
          label={p.requestText}
          hint={p.requestHint}
          error={props.error}
          lang={lang}
          control={(described, invalid) => (
            <textarea
              id="verzoek"
              name="verzoek"
              rows={5}
              maxlength={MAX_PRIVACY_REQUEST_CHARS}
              aria-describedby={described}
              aria-invalid={invalid ? "true" : undefined}
            >
              {v.verzoek ?? ""}
            </textarea>
          )}
        />
        <button type="submit">{p.send}</button>
      </form>
    </Page>
  );
}

/** "donderdag 31 december 2026" */
export function dueText(lang: Lang, at: Date): string {
  return `${dayText(lang, at)} ${new Intl.DateTimeFormat("nl-NL", { year: "numeric", timeZone: "Europe/Amsterdam" }).format(at)}`;
}
