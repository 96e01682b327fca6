import type { Lang } from "./messages";
import { Page, type PortalLinks } from "./portal-pages";

/** Texts of opening the web chat about one question (B1 Dutch and English). */
export const chatAboutMessages = {
  nl: {
    button: "Chat over deze vraag",
    buttonIntro:
      "Wilt u nu met een medewerker chatten? De medewerker ziet deze vraag en wat er eerder over is gezegd.",
    title: (reference: string) => `Chat over vraag ${reference}`,
    intro:
      "Het chatvenster gaat open op deze pagina. Uw chat komt bij deze vraag. Sluit deze pagina niet zolang u chat.",
    noScript:
      "Voor de chat is JavaScript nodig. U kunt ook een bericht schrijven bij uw vraag; dan antwoorden we zo snel mogelijk.",
    back: "Terug naar uw vraag",
  },
  en: {
    button: "Chat about this question",
    buttonIntro:
      "Do you want to chat with an employee now? The employee sees this question and what was said about it before.",
    title: (reference: string) => `Chat about question ${reference}`,
    intro:
      "The chat window opens on this page. Your chat goes with this question. Do not close this page while you chat.",
    noScript:
      "The chat needs JavaScript. You can also write a message with your question; we will answer as soon as we can.",
    back: "Back to your question",
  },
} satisfies Record<Lang, Record<string, unknown>>;

/** The chat page's own policy: our widget script, its calls to our chat routes and its shadow-root styles. */
export const CHAT_PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** On the question page: a POST button (with the session's CSRF token) that opens the chat about it. */
export function ChatAboutQuestionButton(props: { links: PortalLinks; csrf: string; questionId: string }) {
  const m = chatAboutMessages[props.links.lang];
  return (
    <section aria-labelledby="chat-titel">
      <h3 id="chat-titel">{m.button}</h3>
      <p>{m.buttonIntro}</p>
      <form method="post" action={props.links.href(`vragen/${props.questionId}/chat`)}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit">{m.button}</button>
      </form>
    </section>
  );
}

/** The widget, handed the chat the portal started about this question; it opens at once. */
export function ChatAboutQuestionPage(props: {
  links: PortalLinks;
  slug: string;
  questionId: string;
  chat: { sessionId: string; token: string; reference: string };
}) {
  const m = chatAboutMessages[props.links.lang];
  return (
    <Page links={props.links} title={m.title(props.chat.reference)}>
      <p>
        <a href={props.links.href(`vragen/${props.questionId}`)}>{m.back}</a>
      </p>
      <h1>{m.title(props.chat.reference)}</h1>
      <p>{m.intro}</p>
      <noscript>
        <p>{m.noScript}</p>
      </noscript>
      <script
        src="/chat/widget.js"
        async
        data-gemeente={props.slug}
        data-taal={props.links.lang}
        data-sessie={props.chat.sessionId}
        data-token={props.chat.token}
        data-vraag={props.chat.reference}
      />
    </Page>
  );
}
