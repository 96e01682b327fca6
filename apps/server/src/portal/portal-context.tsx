import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { JSX } from "hono/jsx/jsx-runtime";
import { createEmailSender } from "../channels/email";
import { signedUrlCandidates } from "../channels/request-urls";
import { smsSender } from "../channels/sms";
import { createFormToken, tokenBucket, verifyFormToken } from "../channels/webform";
import type { ChannelSender } from "../features/delivery";
import { resolveTenant } from "../features/organisation";
import { loadPortalSession, type PortalResident } from "../features/portal";
import type { AppDeps } from "../platform/deps";
import { AppError } from "../platform/errors";
import { ACCESSIBILITY_PATH } from "./accessibility-page";
import { type Lang, messages } from "./messages";
import { type PortalLinks, PortalMessagePage } from "./portal-pages";

export const PORTAL_PATH = "/mijn/:gemeente";
export const PORTAL_SESSION_COOKIE = "omniloket_portal";
export const LOGIN_COOKIE = "omniloket_portal_login";

export type PortalOptions = {
  /** Login and code posts per client address (token bucket); the forms' numbers by default. */
  rateLimit?: { capacity: number; refillPerSecond: number };
  /** Sends the login codes; by default the email relay of OMNILOKET_SMTP_RELAY_URL. */
  sender?: ChannelSender | null;
  /** Sends login codes by SMS; by default the municipality's SMS provider (its channel settings). */
  smsSender?: ChannelSender | null;
  /** Demo mode without an SMTP relay: where the demo mailbox is, so the code page can point to it. */
  demoMailbox?: string;
};

export const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export type Status = 200 | 400 | 403 | 404 | 429 | 503;

export function langOf(c: Context): { lang: Lang; explicit: boolean } {
  const asked = c.req.query("lang");
  if (asked === "en" || asked === "nl") return { lang: asked, explicit: true };
  for (const part of (c.req.header("accept-language") ?? "").split(",")) {
    const tag = part.trim().toLowerCase();
    if (tag.startsWith("nl")) return { lang: "nl", explicit: false };
    if (tag.startsWith("en")) return { lang: "en", explicit: false };
  }
  return { lang: "nl", explicit: false };
}

export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

export function isHttps(c: Context): boolean {
  return signedUrlCandidates(c).some((url) => url.startsWith("https:"));
}

/** A browser's own form post comes from our origin; anything else is refused before the body is read. */
export function isCrossSite(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = c.req.header("origin");
  if (origin === undefined) return false;
  return !signedUrlCandidates(c).some((url) => new URL(url).origin === origin);
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A form with repeated names (check boxes): every value per name. */
export async function formLists(c: Context): Promise<Record<string, string[]> | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header("content-type") ?? "")) return null;
  try {
    const body = await c.req.parseBody({ all: true });
    return Object.fromEntries(
      Object.entries(body).map(([key, value]) => [
        key,
        (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string"),
      ]),
    );
  } catch {
    return null;
  }
}

/** The same URL with one more query parameter (the links may already carry ?lang=). */
export function withParam(url: string, name: string, value: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
}

export async function formBody(c: Context): Promise<Record<string, string> | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header("content-type") ?? "")) return null;
  try {
    const body = await c.req.parseBody();
    return Object.fromEntries(
      Object.entries(body).map(([key, value]) => [key, typeof value === "string" ? value : ""]),
    );
  } catch {
    return null;
  }
}

/** A form's first value for one name (or ""). */
export const first = (body: Record<string, string[]>, name: string) => body[name]?.[0] ?? "";

/** The municipality from the path, its links, and the resident of the session cookie. */
export type PortalTenant = { tenantId: string; slug: string };
export type LoggedIn = { tenant: PortalTenant; links: PortalLinks; resident: PortalResident };

/** The helpers every portal route shares, built once per app by registerPortalRoutes. */
export type PortalContext = ReturnType<typeof createPortalContext>;

export function createPortalContext(deps: AppDeps, options: PortalOptions = {}) {
  const bucket = tokenBucket(options.rateLimit ?? { capacity: 20, refillPerSecond: 0.1 });
  let sender: ChannelSender | null | undefined = options.sender;
  const codeSender = () => {
    if (sender === undefined)
      sender = deps.config.smtpRelayUrl ? createEmailSender(deps.config.smtpRelayUrl) : null;
    return sender;
  };
  const smsCodeSender = (): ChannelSender | null =>
    options.smsSender === undefined ? smsSender : options.smsSender;
  const secret = deps.config.formSecret;

  const linksFor = (c: Context, slug: string): PortalLinks => {
    const { lang, explicit } = langOf(c);
    const query = explicit ? `?lang=${lang}` : "";
    return {
      lang,
      langSwitch: `${c.req.path}?lang=${lang === "nl" ? "en" : "nl"}`,
      href: (path) => `/mijn/${encodeURIComponent(slug)}/${path}${query}`,
      accessibility: `${ACCESSIBILITY_PATH}${query}`,
    };
  };
  const html = (c: Context, status: Status, page: JSX.Element) => c.html(page, status);
  const message = (c: Context, slug: string, status: Status, title: string, text: string, back?: string) =>
    html(c, status, <PortalMessagePage links={linksFor(c, slug)} title={title} text={text} back={back} />);

  const tenantOf = async (c: Context): Promise<PortalTenant | null> => {
    const slug = c.req.param("gemeente") ?? "";
    if (!/^[a-z0-9-]{1,64}$/.test(slug)) return null;
    try {
      const tenant = await resolveTenant(deps.database.db, slug);
      return { tenantId: tenant.id, slug: tenant.slug };
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
  };
  const notFound = (c: Context, slug: string) => {
    const w = messages[langOf(c).lang];
    return message(
      c,
      slug,
      404,
      w.notFoundTitle,
      w.notFoundText,
      slug ? linksFor(c, slug).href("vragen") : undefined,
    );
  };
  const cookiePath = (slug: string) => `/mijn/${slug}`;
  const residentOf = async (c: Context, tenantId: string): Promise<PortalResident | null> => {
    const token = getCookie(c, PORTAL_SESSION_COOKIE);
    if (!token) return null;
    return loadPortalSession(deps.database.db, { tenantId, token, now: deps.clock() });
  };
  const loginToken = (tenantId: string) => createFormToken(secret, `portal|${tenantId}`, deps.clock());
  const validLoginToken = (tenantId: string, token: string | undefined) =>
    verifyFormToken(secret, `portal|${tenantId}`, token ?? "", deps.clock()) !== null;

  const limited = async (c: Context, next: () => Promise<void>) => {
    if (c.req.method === "POST" && !bucket.take(clientAddress(c), deps.clock())) {
      const w = messages[langOf(c).lang];
      c.header("Retry-After", "60");
      return message(c, c.req.param("gemeente") ?? "", 429, w.errorTitle, w.tooManyRequests);
    }
    await next();
  };

  /** A logged-in resident's POST: session, same origin and the session's CSRF token, or nothing happens. */
  const residentPost = async (
    c: Context,
    handle: (ctx: LoggedIn & { body: Record<string, string[]> }) => Promise<Response>,
  ) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    const w = messages[links.lang];
    const body = isCrossSite(c) ? null : await formLists(c);
    if (!body || !sameText(body._csrf?.[0] ?? "", resident.csrfToken))
      return message(c, tenant.slug, 403, w.errorTitle, w.formExpired, links.href("vragen"));
    return handle({ tenant, links, resident, body });
  };

  /** A logged-in resident's page: without a session, to the login page. */
  const loggedInPage = async (c: Context, render: (ctx: LoggedIn) => Promise<Response>) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    return render({ tenant, links, resident });
  };

  return {
    deps,
    demoMailbox: options.demoMailbox,
    codeSender,
    smsCodeSender,
    linksFor,
    html,
    message,
    tenantOf,
    notFound,
    cookiePath,
    residentOf,
    loginToken,
    validLoginToken,
    limited,
    residentPost,
    loggedInPage,
  };
}
