import type { Context, Next } from "hono";
import { chatSettingsFor, type EffectiveChatSettings } from "../../features/chat";
import { resolveTenant } from "../../features/organisation";
import type { AppDeps } from "../../platform/deps";
import { AppError } from "../../platform/errors";
import { signedUrlCandidates } from "../request-urls";

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
 * How long a municipality's chat settings are kept in memory: every visitor request needs them, and a
 * change (switching chat off, another allowed site) takes effect within this time.
 */
export const TENANT_CACHE_MS = 5_000;

/**
 * For /chat/{gemeente}/…: finds the municipality (404 when unknown or chat is off) and applies CORS.
 * Only the origins in the municipality's `settings.channels.chat.allowedOrigins` may call; a request
 * from another origin is refused before it does anything, and a preflight is answered here.
 */
export function chatTenantAndCors(deps: AppDeps, options: { cacheMs?: number } = {}) {
  const cacheMs = options.cacheMs ?? TENANT_CACHE_MS;
  const cache = new Map<string, { tenant: ChatTenant; until: number }>();
  const lookUp = async (slug: string | undefined): Promise<ChatTenant> => {
    if (!slug) throw unavailable();
    // Real time, not the app's clock: tests set the clock, the cache must still expire.
    const now = performance.now();
    const hit = cache.get(slug);
    if (hit && hit.until > now) return hit.tenant;
    const found = await resolveTenant(deps.database.db, slug);
    const tenant = { ...found, settings: await chatSettingsFor(deps.database.db, found.id) };
    if (cacheMs > 0) {
      if (cache.size >= 1_000) cache.clear();
      cache.set(slug, { tenant, until: now + cacheMs });
    }
    return tenant;
  };
  return async (c: Context, next: Next) => {
    const origin = c.req.header("origin")?.toLowerCase();
    let tenant: ChatTenant;
    try {
      tenant = await lookUp(c.req.param("gemeente"));
    } catch (error) {
      if (error instanceof AppError) throw unavailable();
      throw error;
    }
    if (!tenant.settings.enabled) throw unavailable();
    // Our own origin is not a foreign site: Mijn gemeente's chat page embeds the widget from here.
    if (origin !== undefined && !isOwnOrigin(c, origin)) {
      if (!tenant.settings.allowedOrigins.includes(origin)) {
        throw new AppError(
          "chat-origin-not-allowed",
          "forbidden",
          "Deze website mag de chat van deze gemeente niet gebruiken.",
        );
      }
      c.header("Access-Control-Allow-Origin", c.req.header("origin"));
      c.header("Vary", "Origin");
      // A 429's Retry-After tells the widget how long to wait; other sites may read it only if listed.
      c.header("Access-Control-Expose-Headers", "Retry-After");
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

function isOwnOrigin(c: Context, origin: string): boolean {
  return signedUrlCandidates(c).some((url) => new URL(url).origin.toLowerCase() === origin);
}
