import type { Context, Next } from "hono";
import { chatSettingsFor, type EffectiveChatSettings } from "../../features/chat";
import { resolveTenant } from "../../features/organisation";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";

export type ChatTenant = { id: string; slug: string; settings: EffectiveChatSettings };

/** The municipality the middleware found for this request. */
export function chatTenantOf(c: Context): ChatTenant {
  const tenant = c.get("chatTenant") as ChatTenant | undefined;
  if (!tenant) throw new Error("chat route without its tenant middleware");
  return tenant;
}

const unavailable = () =>
  new AppError("chat-unavailable", "not-found", "Chatten met deze gemeente is nu niet mogelijk.");

/**
 * For /chat/{gemeente}/…: finds the municipality (404 when unknown or chat is off) and applies CORS.
 * Only the origins in the municipality's `settings.channels.chat.allowedOrigins` may call; a request
 * from another origin is refused before it does anything, and a preflight is answered here.
 */
export function chatTenantAndCors(deps: AppDeps) {
  return async (c: Context, next: Next) => {
    const origin = c.req.header("origin")?.toLowerCase();
    let tenant: ChatTenant;
    try {
      const found = await resolveTenant(deps.database.db, c.req.param("gemeente"));
      tenant = { ...found, settings: await chatSettingsFor(deps.database.db, found.id) };
    } catch (error) {
      if (error instanceof AppError) throw unavailable();
      throw error;
    }
    if (!tenant.settings.enabled) throw unavailable();
    if (origin !== undefined) {
      if (!tenant.settings.allowedOrigins.includes(origin)) {
        throw new AppError(
          "chat-origin-not-allowed",
          "forbidden",
          "Deze website mag de chat van deze gemeente niet gebruiken.",
        );
      }
      c.header("Access-Control-Allow-Origin", c.req.header("origin"));
      c.header("Vary", "Origin");
      if (c.req.method === "OPTIONS") {
        c.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        c.header(
          "Access-Control-Allow-Headers",
          "authorization, content-type, last-event-id, accept-language",
        );
        c.header("Access-Control-Max-Age", "600");
        return c.body(null, 204);
      }
    }
    if (c.req.method === "OPTIONS") return c.body(null, 204);
    c.set("chatTenant", tenant);
    await next();
  };
}
