import type { AddressJoinPreview } from "../features/portal";
import { messages } from "./messages";
import { oidcMessages } from "./oidc-messages";
import { Field } from "./portal-forms";
import { ErrorSummary, Page, type PortalLinks } from "./portal-pages";

/** A login with DigiD that did not succeed: what happened, and the ways on. Never a stack trace. */
export function OidcProblemPage(props: { links: PortalLinks; text: string; retry: string }) {
  const o = oidcMessages[props.links.lang];
  return (
    <Page links={props.links} title={o.failedTitle} hasError>
      <h1>{o.failedTitle}</h1>
      <p>{props.text}</p>
      <ul>
        <li>
          <a href={props.links.href("inloggen")}>{o.codeLoginLink}</a>
        </li>
        <li>
          <a href={props.retry}>{o.tryAgain}</a>
        </li>
      </ul>
    </Page>
  );
}

/** What joining would bring, and the resident's choice (a POST with the session's CSRF token). */
export function JoinPage(props: { links: PortalLinks; preview: AddressJoinPreview; csrf: string }) {
  const o = oidcMessages[props.links.lang];
  const { addresses, questionReferences } = props.preview;
  return (
    <Page links={props.links} title={o.joinTitle}>
      <h1>{o.joinTitle}</h1>
      <p>{o.joinIntro}</p>
      <ul>
        {addresses.map((address) => (
          <li>
            {o.kind[address.kind] ?? address.kind}: {address.value}
          </li>
        ))}
      </ul>
      {questionReferences.length > 0 ? (
        <>
          <p>{o.joinQuestions}</p>
          <ul>
            {questionReferences.map((reference) => (
              <li>{reference}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{o.joinNoQuestions}</p>
      )}
      <p>{o.joinExplain}</p>
      <form method="post" action={props.links.href("koppelen")}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit" name="keuze" value="koppelen">
          {o.joinYes}
        </button>{" "}
        <button type="submit" name="keuze" value="niet">
          {o.joinNo}
        </button>
      </form>
    </Page>
  );
}

/** Nothing (more) to join; a verified resident may still prove an email address by code. */
export function NothingToJoinPage(props: { links: PortalLinks; text: string }) {
  const o = oidcMessages[props.links.lang];
  const w = messages[props.links.lang];
  return (
    <Page links={props.links} title={o.joinTitle}>
      <h1>{o.joinTitle}</h1>
      <p>{props.text}</p>
      <ul>
        <li>
          <a href={props.links.href("koppelen/adres")}>{o.linkTitle}</a>
        </li>
        <li>
          <a href={props.links.href("vragen")}>{w.back}</a>
        </li>
      </ul>
    </Page>
  );
}

/** "Koppel uw e-mailadres": the address to send a code to (a POST with the session's CSRF token). */
export function LinkAddressPage(props: { links: PortalLinks; csrf: string; email?: string; error?: string }) {
  const o = oidcMessages[props.links.lang];
  const w = messages[props.links.lang];
  return (
    <Page links={props.links} title={o.linkTitle} hasError={Boolean(props.error)}>
      <h1>{o.linkTitle}</h1>
      <ErrorSummary lang={props.links.lang} error={props.error} field="email" />
      <p>{o.linkIntro}</p>
      <form method="post" action={props.links.href("koppelen/adres")} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field
          id="email"
          label={o.linkEmailLabel}
          hint={o.linkEmailHint}
          error={props.error ? { field: "email", message: props.error } : undefined}
          lang={props.links.lang}
          control={(described, invalid) => (
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              spellcheck={false}
              value={props.email ?? ""}
              aria-describedby={described || undefined}
              aria-invalid={invalid ? "true" : undefined}
            />
          )}
        />
        <button type="submit">{w.sendCode}</button>
      </form>
    </Page>
  );
}

/** The code from the email, to prove the address before anything is offered for joining. */
export function LinkCodePage(props: { links: PortalLinks; csrf: string; error?: string }) {
  const o = oidcMessages[props.links.lang];
  const w = messages[props.links.lang];
  return (
    <Page links={props.links} title={w.codeTitle} hasError={Boolean(props.error)}>
      <h1>{w.codeTitle}</h1>
      <ErrorSummary lang={props.links.lang} error={props.error} field="code" />
      <p>{w.codeIntro}</p>
      <form method="post" action={props.links.href("koppelen/code")} novalidate>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <Field
          id="code"
          label={w.codeLabel}
          hint={w.codeHint}
          error={props.error ? { field: "code", message: props.error } : undefined}
          lang={props.links.lang}
          control={(described, invalid) => (
            <input
              id="code"
              name="code"
              type="text"
              inputmode="numeric"
              autocomplete="one-time-code"
              aria-describedby={described || undefined}
              aria-invalid={invalid ? "true" : undefined}
            />
          )}
        />
        <button type="submit">{o.linkCheck}</button>
      </form>
      <p>
        <a href={props.links.href("koppelen/adres")}>{w.otherCode}</a>
      </p>
    </Page>
  );
}
