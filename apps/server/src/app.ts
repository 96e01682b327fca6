import { type ChatRouteOptions, registerChatRoutes } from "./channels/chat";
import type { DemoMailbox } from "./channels/email";
import { registerCtiRoutes } from "./channels/phone";
import { registerSmsRoutes } from "./channels/sms";
import { registerWebformRoutes } from "./channels/webform";
import { registerWhatsappRoutes } from "./channels/whatsapp";
import { registerAccountRoutes } from "./features/accounts";
import {
  registerAdminRoutes,
  registerChannelSettingsRoutes,
  registerDeadLetterRoutes,
  registerDemoRoutes,
  registerQuarantineRoutes,
} from "./features/admin";
import { registerAttachmentRoutes } from "./features/attachments";
import { registerCallRoutes } from "./features/calls";
import { registerChatEmployeeRoutes } from "./features/chat";
import { registerIdentityRoutes } from "./features/identity";
import { registerInboxRoutes } from "./features/inbox";
import { registerIngestRoutes } from "./features/ingest";
import { registerKnowledgeRoutes } from "./features/knowledge";
import { registerLiveRoutes } from "./features/live";
import { registerQuestionRoutes, registerThreadingRoutes } from "./features/questions";
import { registerRegistrationRoutes } from "./features/registrations";
import { registerReplyRoutes } from "./features/replies";
import { registerResidentRoutes } from "./features/residents";
import { registerRoutingRoutes } from "./features/routing";
import { registerSignalEffectRoutes } from "./features/signal-effect";
import { registerSignalRoutes } from "./features/signals";
import { registerSupervisionRoutes } from "./features/supervision";
import { registerTaskRoutes } from "./features/tasks";
import { registerWorkspaceRoutes } from "./features/workspace";
import type { AppDeps } from "./platform/deps";
import { API_VERSION, createBaseApp, createRouter } from "./platform/http/create-app";
import type { App } from "./platform/http/types";
import {
  DEMO_MAILBOX_PATH,
  type PortalOptions,
  registerDemoMailboxRoutes,
  registerPortalRoutes,
} from "./portal";

/**
 * The whole HTTP surface; tests call it in-process with `app.request()`. `demoMailbox`: demo mode without
 * an SMTP relay (demoMailboxFor); login codes go into it and /demo/postvak shows it. Ignored with a relay.
 */
export function createApp(
  deps: AppDeps,
  options: { chat?: ChatRouteOptions; portal?: PortalOptions; demoMailbox?: DemoMailbox | null } = {},
): App {
  const demoMailbox = deps.config.smtpRelayUrl ? null : (options.demoMailbox ?? null);
  const app = createBaseApp(deps);
  const api = createRouter(deps);
  api.get("/health", async (c) => {
    await deps.database.query("SELECT 1");
    return c.json({ status: "ok", database: deps.database.kind });
  });
  registerAccountRoutes(api, deps);
  registerAdminRoutes(api, deps);
  registerDemoRoutes(api, deps);
  registerDeadLetterRoutes(api, deps);
  registerChannelSettingsRoutes(api, deps);
  registerQuarantineRoutes(api, deps);
  registerIngestRoutes(api, deps);
  registerQuestionRoutes(api, deps);
  registerThreadingRoutes(api, deps);
  registerAttachmentRoutes(api, deps);
  registerReplyRoutes(api, deps);
  registerKnowledgeRoutes(api, deps);
  registerCallRoutes(api, deps);
  registerChatEmployeeRoutes(api, deps);
  registerRegistrationRoutes(api, deps);
  registerResidentRoutes(api, deps);
  registerIdentityRoutes(api, deps);
  registerLiveRoutes(api, deps);
  registerInboxRoutes(api, deps);
  registerTaskRoutes(api, deps);
  registerSignalRoutes(api, deps);
  registerSignalEffectRoutes(api, deps);
  registerRoutingRoutes(api, deps);
  registerSupervisionRoutes(api, deps);

  api.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
  api.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "omniloket_session",
  });
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Omniloket API",
      version: API_VERSION,
      description: "Omniloket's own API: every channel lands in one question and one timeline per resident.",
      contact: { name: "Omniloket", email: "info@omniloket.nl", url: "https://omniloket.nl" },
      license: {
        name: "EUPL-1.2",
        url: "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12",
      },
    },
    servers: [{ url: "/api/v1" }],
  });
  app.route("/api/v1", api);
  registerSmsRoutes(app, deps);
  registerWhatsappRoutes(app, deps);
  registerCtiRoutes(app, deps);
  registerWebformRoutes(app, deps);
  registerChatRoutes(app, deps, options.chat);
  registerWorkspaceRoutes(app, deps);
  registerPortalRoutes(
    app,
    deps,
    demoMailbox && options.portal?.sender === undefined
      ? { ...options.portal, sender: demoMailbox, demoMailbox: DEMO_MAILBOX_PATH }
      : options.portal,
  );
  if (demoMailbox) registerDemoMailboxRoutes(app, demoMailbox);
  return app;
}
