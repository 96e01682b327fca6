import { defaultTopics, REPLY_CHANNELS } from "@omniloket/domain";
import type { Child } from "hono/jsx";
import {
  type ContinueOptions,
  LANGUAGES,
  MAX_PORTAL_MESSAGE_CHARS,
  type MyPreferences,
  NEEDS,
} from "../features/portal";
import { channelName, type Lang, messages, slotText } from "./messages";
import { ErrorSummary, LoggedIn, Page, type PortalLinks } from "./portal-pages";

/** A refused post: which control (its id) and what to say; the form keeps what was filled in. */
export type FormProblem = { field: string; message: string };

export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: FormProblem;
  lang: Lang;
  control: (describedBy: string, invalid: boolean) => Child;
}) {
  const w = messages[props.lang];
  const invalid = props.error?.field === props.id;
  const described = [props.hint && `${props.id}-uitleg`, invalid && `${props.id}-fout`]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={`field${invalid ? " invalid" : ""}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-uitleg`} class="hint">
          {props.hint}
        </p>
      )}
      {invalid && (
        <p id={`${props.id}-fout`} class="error">
          <span>{w.errorPrefix}</span>
          {props.error?.message}
        </p>
      )}
      {props.control(described, invalid)}
    </div>
  );
}

function Select(props: {
  id: string;
  label: string;
  hint?: string;
  error?: FormProblem;
  lang: Lang;
  options: Array<{ value: string; label: string }>;
  value: string;
}) {
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      lang={props.lang}
      control={(described, invalid) => (
        <select
          id={props.id}
          name={props.id}
          aria-describedby={described || undefined}
          aria-invalid={invalid ? "true" : undefined}
        >
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A group of radio buttons or check boxes; an error points at the first one. */
/** The resident's message to the municipality ("bericht"), at most MAX_PORTAL_MESSAGE_CHARS. */
export function MessageField(props: {
  label: string;
  hint: string;
  error?: FormProblem;
  lang: Lang;
  value: string;
}) {
  return (
    <Field
      id="bericht"
      label={props.label}
      hint={props.hint}
      error={props.error}
      lang={props.lang}
      control={(described, invalid) => (
        <textarea
          id="bericht"
          name="bericht"
          rows={5}
          maxlength={MAX_PORTAL_MESSAGE_CHARS}
          aria-describedby={described}
          aria-invalid={invalid ? "true" : undefined}
        >
          {props.value}
        </textarea>
      )}
    />
  );
}

export function Choices(props: {
  type: "radio" | "checkbox";
  name: string;
  idPrefix: string;
  legend: string;
  hint?: string;
  error?: FormProblem;
  lang: Lang;
  options: Array<{ value: string; label: string }>;
  checked: (value: string) => boolean;
}) {
  const w = messages[props.lang];
  const first = `${props.idPrefix}-${props.options[0]?.value ?? ""}`;
  const invalid = props.error?.field === first;
  const described = [props.hint && `${props.idPrefix}-uitleg`, invalid && `${props.idPrefix}-fout`]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset class={`field${invalid ? " invalid" : ""}`} aria-describedby={described || undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={`${props.idPrefix}-uitleg`} class="hint">
          {props.hint}
        </p>
      )}
      {invalid && (
        <p id={`${props.idPrefix}-fout`} class="error">
          <span>{w.errorPrefix}</span>
          {props.error?.message}
        </p>
      )}
      {props.options.map((o) => (
        <div class="check">
          <input
            type={props.type}
            id={`${props.idPrefix}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.checked(o.value)}
          />
          <label for={`${props.idPrefix}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The forms to continue one's own question on the channel of one's choice: write in the portal, ask for
 * a call back in a chosen slot, have the answer come by email, WhatsApp or letter. Plain POST forms.
 */
export function ContinueForms(props: {
  links: PortalLinks;
  csrf: string;
  questionId: string;
  options: ContinueOptions;
  error?: FormProblem;
  values?: Record<string, string>;
}) {
  const { lang } = props.links;
  const w = messages[lang];
  const o = props.options;
  const values = props.values ?? {};
  const action = (path: string) => props.links.href(`vragen/${props.questionId}/${path}`);
  const answer =
    o.replyChannel === null
      ? w.answerUnreachable
      : o.chosenChannel === o.replyChannel
        ? w.answerChannelChosen(channelName(lang, o.replyChannel))
        : w.answerChannel(channelName(lang, o.replyChannel));
  return (
    <section aria-labelledby="verder-titel">
      <h2 id="verder-titel">{w.continueTitle}</h2>
      <p id="antwoordkanaal">{answer}</p>

      <h3>{w.messageTitle}</h3>
      <form method="post" action={action("bericht")} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <MessageField
          label={w.messageLabel}
          hint={w.messageHint(MAX_PORTAL_MESSAGE_CHARS)}
          error={props.error}
          lang={lang}
          value={values.bericht ?? ""}
        />
        <button type="submit">{w.sendMessage}</button>
      </form>

      <h3>{w.callbackTitle}</h3>
      <p>{w.callbackIntro}</p>
      <form method="post" action={action("terugbellen")} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field
          id="telefoon"
          label={w.phoneLabel}
          hint={w.phoneHint}
          error={props.error}
          lang={lang}
          control={(described, invalid) => (
            <input
              id="telefoon"
              name="telefoon"
              type="tel"
              autocomplete="tel"
              value={values.telefoon ?? o.phones[0] ?? ""}
              aria-describedby={described}
              aria-invalid={invalid ? "true" : undefined}
            />
          )}
        />
        <Select
          id="tijd"
          label={w.slotLabel}
          hint={w.slotHint}
          error={props.error}
          lang={lang}
          value={values.tijd ?? ""}
          options={[
            { value: "", label: w.choose },
            ...o.slots.map((slot) => ({ value: slot.toISOString(), label: slotText(lang, slot) })),
          ]}
        />
        <button type="submit">{w.requestCallback}</button>
      </form>

      {o.movable.length > 0 && (
        <>
          <h3>{w.channelTitle}</h3>
          <form method="post" action={action("kanaal")} novalidate>
            <input type="hidden" name="_csrf" value={props.csrf} />
            <Choices
              type="radio"
              name="kanaal"
              idPrefix="kanaal"
              legend={w.channelLegend}
              error={props.error}
              lang={lang}
              options={o.movable.map((c) => ({ value: c, label: channelName(lang, c) }))}
              checked={(value) => (values.kanaal ?? o.chosenChannel) === value}
            />
            <button type="submit">{w.saveChannel}</button>
          </form>
        </>
      )}
    </section>
  );
}

/** "Mijn voorkeuren": how the resident wants contact, in general and per topic. */
export function PreferencesPage(props: {
  links: PortalLinks;
  csrf: string;
  logout: string;
  preferences: MyPreferences;
  notice?: string;
  error?: FormProblem;
  values?: Record<string, string | string[]>;
}) {
  const { lang } = props.links;
  const w = messages[lang];
  const p = props.preferences;
  const v = props.values ?? {};
  const text = (key: string, fallback: string) => {
    const value = v[key];
    return typeof value === "string" ? value : fallback;
  };
  const needs = Array.isArray(v.behoefte)
    ? v.behoefte
    : typeof v.behoefte === "string"
      ? [v.behoefte]
      : p.needs;
  const channelOptions = [
    { value: "", label: w.noPreference },
    ...REPLY_CHANNELS.map((c) => ({ value: c, label: channelName(lang, c) })),
  ];
  const topicName = (id: string) => {
    const topic = defaultTopics.topics.find((t) => t.id === id);
    return topic ? topic[lang] : id;
  };
  return (
    <Page links={props.links} title={w.preferencesTitle} hasError={Boolean(props.error)}>
      <LoggedIn links={props.links} csrf={props.csrf} logout={props.logout} />
      <p>
        <a href={props.links.href("vragen")}>{w.back}</a>
      </p>
      <h1>{w.preferencesTitle}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <ErrorSummary lang={lang} error={props.error?.message} field={props.error?.field} />
      <p>{w.preferencesIntro}</p>
      <form method="post" action={props.links.href("voorkeuren")} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Select
          id="voorkeurskanaal"
          label={w.preferredChannelLabel}
          hint={w.preferredChannelHint}
          error={props.error}
          lang={lang}
          value={text("voorkeurskanaal", p.preferredChannel ?? "")}
          options={channelOptions}
        />
        <Select
          id="taal"
          label={w.languageLabel}
          error={props.error}
          lang={lang}
          value={text("taal", p.language ?? "")}
          options={[
            { value: "", label: w.noPreference },
            ...LANGUAGES.map((l) => ({ value: l, label: w.languageNames[l] ?? l })),
          ]}
        />
        <Choices
          type="checkbox"
          name="behoefte"
          idPrefix="behoefte"
          legend={w.needsLegend}
          hint={w.needsHint}
          error={props.error}
          lang={lang}
          options={NEEDS.map((n) => ({ value: n, label: w.needNames[n] ?? n }))}
          checked={(value) => needs.includes(value)}
        />
        <div class="field check">
          <input
            type="checkbox"
            id="geen-digitaal"
            name="geen-digitaal"
            value="ja"
            checked={props.values ? v["geen-digitaal"] === "ja" : p.noDigitalContact}
          />
          <label for="geen-digitaal">{w.noDigitalLabel}</label>
        </div>
        <button type="submit">{w.savePreferences}</button>
      </form>

      <h2>{w.topicTitle}</h2>
      <p>{w.topicIntro}</p>
      {p.topics.length === 0 ? (
        <p>{w.noTopicPreferences}</p>
      ) : (
        <>
          <h3>{w.topicPreferences}</h3>
          <ul class="topic-preferences">
            {p.topics.map((t) => (
              <li>
                {topicName(t.topicId)}: {channelName(lang, t.channel)}
              </li>
            ))}
          </ul>
        </>
      )}
      <form method="post" action={props.links.href("voorkeuren/onderwerp")} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Select
          id="onderwerp"
          label={w.topicLabel}
          error={props.error}
          lang={lang}
          value={text("onderwerp", "")}
          options={[
            { value: "", label: w.chooseTopic },
            ...defaultTopics.topics
              .map((t) => ({ value: t.id, label: t[lang] }))
              .sort((a, b) => a.label.localeCompare(b.label, lang)),
          ]}
        />
        <Select
          id="onderwerp-kanaal"
          label={w.topicChannelLabel}
          error={props.error}
          lang={lang}
          value={text("onderwerp-kanaal", "")}
          options={channelOptions}
        />
        <button type="submit">{w.saveTopic}</button>
      </form>
    </Page>
  );
}
