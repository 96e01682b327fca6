import type { Context } from "hono";
import type { DemoMail, DemoMailbox } from "../channels/email";
import { Layout } from "../channels/webform";
import { isLoopbackAddress } from "../platform/http/loopback";
import type { App } from "../platform/http/types";
import { ACCESSIBILITY_PATH } from "./accessibility-page";
import { dateTimeText, type Lang } from "./messages";
import { CSP, clientAddress, langOf } from "./portal-context";

export const DEMO_MAILBOX_PATH = "/demo/postvak";

const text = {
  nl: {
    title: "Demopostvak",
    intro:
      "Dit is het demopostvak: zonder e-mailserver komt uitgaande e-mail van de demo hier terecht. Alleen zichtbaar op deze computer.",
    keep: (size: number) =>
      `Het nieuwste bericht staat bovenaan. We bewaren de laatste ${size} berichten, tot de server stopt.`,
    reload: "Nieuwe e-mail bekijken (pagina opnieuw laden)",
    none: "Er is nog geen e-mail verstuurd.",
    count: (n: number) => (n === 1 ? "1 bericht" : `${n} berichten`),
    noSubject: "(geen onderwerp)",
    sent: "Verstuurd",
    to: "Aan",
    from: "Van",
    accessibility: "Toegankelijkheid",
  },
  en: {
    title: "Demo mailbox",
    intro:
      "This is the demo mailbox: without an email server, the demo's outgoing email ends up here. Only visible on this computer.",
    keep: (size: number) =>
      `The newest message is at the top. We keep the last ${size} messages, until the server stops.`,
    reload: "Check for new email (reload the page)",
    none: "No email has been sent yet.",
    count: (n: number) => (n === 1 ? "1 message" : `${n} messages`),
    noSubject: "(no subject)",
    sent: "Sent",
    to: "To",
    from: "From",
    accessibility: "Accessibility",
  },
};

export function DemoMailboxPage(props: { lang: Lang; explicit: boolean; mails: DemoMail[]; size: number }) {
  const t = text[props.lang];
  const query = props.explicit ? `?lang=${props.lang}` : "";
  return (
    <Layout
      lang={props.lang}
      title={t.title}
      langSwitch={`${DEMO_MAILBOX_PATH}?lang=${props.lang === "nl" ? "en" : "nl"}`}
    >
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>{t.keep(props.size)}</p>
      <p>
        <a href={`${DEMO_MAILBOX_PATH}${query}`}>{t.reload}</a>
      </p>
      {props.mails.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.count(props.mails.length)}</p>
          <ol class="mail">
            {props.mails.map((mail) => (
              <li>
                <h2>{mail.subject || t.noSubject}</h2>
                <dl>
                  <dt>{t.sent}</dt>
                  <dd>
                    <time datetime={mail.sentAt.toISOString()}>{dateTimeText(props.lang, mail.sentAt)}</time>
                  </dd>
                  <dt>{t.to}</dt>
                  <dd>{mail.to}</dd>
                  <dt>{t.from}</dt>
                  <dd>{mail.from}</dd>
                </dl>
                <pre>{mail.text}</pre>
              </li>
            ))}
          </ol>
        </>
      )}
      <footer>
        <p>
          <a href={`${ACCESSIBILITY_PATH}${query}`}>{t.accessibility}</a>
        </p>
      </footer>
    </Layout>
  );
}

/**
 * GET /demo/postvak: the demo mailbox, for whoever sits at this computer. Register it only in demo mode
 * without a relay; any client that is not loopback gets the same 404 as an unknown page. Never cached,
 * and the messages are never logged.
 */
export function registerDemoMailboxRoutes(app: App, mailbox: DemoMailbox) {
  app.get(DEMO_MAILBOX_PATH, (c: Context) => {
    if (!isLoopbackAddress(clientAddress(c))) return c.notFound();
    const { lang, explicit } = langOf(c);
    c.header("Cache-Control", "no-store");
    c.header("Content-Security-Policy", CSP);
    c.header("X-Robots-Tag", "noindex");
    return c.html(
      <DemoMailboxPage lang={lang} explicit={explicit} mails={mailbox.messages()} size={mailbox.size} />,
    );
  });
}
