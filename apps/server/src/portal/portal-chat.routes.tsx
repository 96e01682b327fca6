import { startChatAboutQuestion } from "../features/portal";
import type { App } from "../platform/http/types";
import { CHAT_PAGE_CSP, ChatAboutQuestionPage } from "./chat-about-question";
import { PORTAL_PATH, type PortalContext } from "./portal-context";

/**
 * "Chat over deze vraag": the resident's POST (session, CSRF token) starts a web chat that lands in
 * their own question, and answers with a page that embeds the chat widget holding that chat.
 */
export function registerChatAboutQuestionRoutes(app: App, portal: PortalContext) {
  const { deps, html, notFound, limited, residentPost } = portal;

  app.use(`${PORTAL_PATH}/vragen/:questionId/chat`, limited);

  app.post(`${PORTAL_PATH}/vragen/:questionId/chat`, (c) =>
    residentPost(c, async ({ tenant, links, resident }) => {
      const questionId = c.req.param("questionId") ?? "";
      const chat = await startChatAboutQuestion(deps, resident, { questionId, language: links.lang });
      if (!chat) return notFound(c, tenant.slug);
      // The page holds the chat's token: never cached, and its own policy for the widget.
      c.header("Cache-Control", "no-store");
      c.header("Content-Security-Policy", CHAT_PAGE_CSP);
      return html(
        c,
        200,
        <ChatAboutQuestionPage links={links} slug={tenant.slug} questionId={questionId} chat={chat} />,
      );
    }),
  );
}
