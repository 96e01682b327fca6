import { bodyLimit } from "hono/body-limit";
import type { AppDeps } from "../platform/deps";
import type { App } from "../platform/http/types";
import { ACCESSIBILITY_PATH } from "./accessibility-page";
import { registerAppointmentRoutes } from "./portal-appointments.routes";
import { registerChatAboutQuestionRoutes } from "./portal-chat.routes";
import { CSP, createPortalContext, type PortalOptions } from "./portal-context";
import { registerFollowRoutes } from "./portal-follow.routes";
import { registerLinkAddressRoutes } from "./portal-link-address.routes";
import { registerLoginRoutes } from "./portal-login.routes";
import { registerOidcRoutes } from "./portal-oidc.routes";
import { registerPreferenceRoutes } from "./portal-preferences.routes";
import { registerPrivacyRoutes } from "./portal-privacy.routes";
import { registerQuestionRoutes } from "./portal-questions.routes";

export { PORTAL_PATH, PORTAL_SESSION_COOKIE, type PortalOptions } from "./portal-context";

/**
 * Mijn gemeente, the residents' portal: pages rendered on the server that work without JavaScript.
 * The municipality is in every path (/mijn/{gemeente}/…), because one installation serves several,
 * and so is the session cookie's path. Login with a one-time code by email; every other page needs
 * the resident's session and answers 404 for anything that is not theirs.
 */
export function registerPortalRoutes(app: App, deps: AppDeps, options: PortalOptions = {}) {
  const portal = createPortalContext(deps, options);

  app.use("/mijn/*", async (c, next) => {
    await next();
    // A page with its own policy keeps it (the chat page loads the widget).
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", CSP);
  });
  app.use(ACCESSIBILITY_PATH, async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
  });
  // A message of 5000 characters, percent-encoded UTF-8, fits.
  app.use("/mijn/*", bodyLimit({ maxSize: 65_536, onError: (c) => c.text("Te groot", 413) }));

  // Registration order matters: the middleware above, and each area's rate limits, come before the routes.
  registerLoginRoutes(app, portal);
  registerFollowRoutes(app, portal);
  registerChatAboutQuestionRoutes(app, portal);
  registerOidcRoutes(app, portal);
  registerLinkAddressRoutes(app, portal);
  registerQuestionRoutes(app, portal);
  registerAppointmentRoutes(app, portal);
  registerPreferenceRoutes(app, portal);
  registerPrivacyRoutes(app, portal);
}
