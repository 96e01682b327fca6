import { timingSafeEqual } from "node:crypto";
import { normaliseEmail } from "@omniloket/domain";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { JSX } from "hono/jsx/jsx-runtime";
import { createEmailSender } from "../channels/email";
import { signedUrlCandidates } from "../channels/request-urls";
import { createFormToken, tokenBucket, verifyFormToken } from "../channels/webform";
import type { ChannelSender } from "../features/delivery";
import { resolveTenant } from "../features/organisation";
import {
  endPortalSession,
  getMyConsents,
  getMyInzage,
  getMyPreferences,
  getMyQuestion,
  LOGIN_CODE_TTL_MS,
  listMyQuestions,
  loadPortalSession,
  MAX_PORTAL_MESSAGE_CHARS,
  MAX_PRIVACY_REQUEST_CHARS,
  moveQuestionChannel,
  type PortalResident,
  type PortalWriteResult,
  replyInPortal,
  requestCorrectionOrErasure,
  requestLoginCode,
  requestPortalCallback,
  saveMyPreferences,
  saveMyTopicPreference,
  setMyConsent,
  verifyLoginCode,
} from "../features/portal";
import type { AppDeps } from "../platform/deps";
import { AppError } from "../platform/errors";
import type { App } from "../platform/http/types";
import { ACCESSIBILITY_PATH, AccessibilityPage } from "./accessibility-page";
import { inzagePdf } from "./inzage-pdf";
import { channelName, type Lang, messages } from "./messages";
import { ContinueForms, type FormProblem, PreferencesPage } from "./portal-forms";
import {
  CodePage,
  LoginPage,
  type PortalLinks,
  PortalMessagePage,
  QuestionPage,
  QuestionsPage,
} from "./portal-pages";
import { privacyMessages } from "./privacy-messages";
import { ConsentPage, dueText, InzagePage, PrivacyRequestPage } from "./privacy-pages";

export const PORTAL_PATH = "/mijn/:gemeente";
export const PORTAL_SESSION_COOKIE = "omniloket_portal";
const LOGIN_COOKIE = "omniloket_portal_login";

export type PortalOptions = {
  /** Login and code posts per client address (token bucket); the forms' numbers by default. */
  rateLimit?: { capacity: number; refillPerSecond: number };
  /** Sends the login codes; by default the email relay of OMNILOKET_SMTP_RELAY_URL. */
  sender?: ChannelSender | null;
};

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type Status = 200 | 400 | 403 | 404 | 429 | 503;

function langOf(c: Context): { lang: Lang; explicit: boolean } {
  const asked = c.req.query("lang");
  if (asked === "en" || asked === "nl") return { lang: asked, explicit: true };
  for (const part of (c.req.header("accept-language") ?? "").split(",")) {
    const tag = part.trim().toLowerCase();
    if (tag.startsWith("nl")) return { lang: "nl", explicit: false };
    if (tag.startsWith("en")) return { lang: "en", explicit: false };
  }
  return { lang: "nl", explicit: false };
}

function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

function isHttps(c: Context): boolean {
  return signedUrlCandidates(c).some((url) => url.startsWith("https:"));
}

/** A browser's own form post comes from our origin; anything else is refused before the body is read. */
function isCrossSite(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = c.req.header("origin");
  if (origin === undefined) return false;
  return !signedUrlCandidates(c).some((url) => new URL(url).origin === origin);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A form with repeated names (check boxes): every value per name. */
async function formLists(c: Context): Promise<Record<string, string[]> | null> {
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
function withParam(url: string, name: string, value: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
}

async function formBody(c: Context): Promise<Record<string, string> | null> {
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

/**
 * Mijn gemeente, the residents' portal: pages rendered on the server that work without JavaScript.
 * The municipality is in every path (/mijn/{gemeente}/…), because one installation serves several,
 * and so is the session cookie's path. Login with a one-time code by email; every other page needs
 * the resident's session and answers 404 for anything that is not theirs.
 */
export function registerPortalRoutes(app: App, deps: AppDeps, options: PortalOptions = {}) {
  const bucket = tokenBucket(options.rateLimit ?? { capacity: 20, refillPerSecond: 0.1 });
  let sender: ChannelSender | null | undefined = options.sender;
  const codeSender = () => {
    if (sender === undefined)
      sender = deps.config.smtpRelayUrl ? createEmailSender(deps.config.smtpRelayUrl) : null;
    return sender;
  };
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

  const tenantOf = async (c: Context): Promise<{ tenantId: string; slug: string } | null> => {
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

  app.use("/mijn/*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
  });
  app.use(ACCESSIBILITY_PATH, async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CSP);
  });
  // A message of 5000 characters, percent-encoded UTF-8, fits.
  app.use("/mijn/*", bodyLimit({ maxSize: 65_536, onError: (c) => c.text("Te groot", 413) }));
  const limited = async (c: Context, next: () => Promise<void>) => {
    if (c.req.method === "POST" && !bucket.take(clientAddress(c), deps.clock())) {
      const w = messages[langOf(c).lang];
      c.header("Retry-After", "60");
      return message(c, c.req.param("gemeente") ?? "", 429, w.errorTitle, w.tooManyRequests);
    }
    await next();
  };
  app.use(`${PORTAL_PATH}/inloggen`, limited);
  app.use(`${PORTAL_PATH}/inloggen/code`, limited);

  app.get(ACCESSIBILITY_PATH, (c) => {
    const { lang } = langOf(c);
    return html(
      c,
      200,
      <AccessibilityPage
        lang={lang}
        langSwitch={`${ACCESSIBILITY_PATH}?lang=${lang === "nl" ? "en" : "nl"}`}
      />,
    );
  });

  app.get(PORTAL_PATH, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    return c.redirect(linksFor(c, tenant.slug).href("vragen"), 303);
  });

  app.get(`${PORTAL_PATH}/inloggen`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    if (await residentOf(c, tenant.tenantId)) return c.redirect(links.href("vragen"), 303);
    const notice = c.req.query("uitgelogd") === "1" ? messages[links.lang].loggedOut : undefined;
    return html(
      c,
      200,
      <LoginPage
        links={links}
        action={links.href("inloggen")}
        token={loginToken(tenant.tenantId)}
        notice={notice}
      />,
    );
  });

  app.post(`${PORTAL_PATH}/inloggen`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const w = messages[links.lang];
    const page = (status: Status, error: string, email?: string) =>
      html(
        c,
        status,
        <LoginPage
          links={links}
          action={links.href("inloggen")}
          token={loginToken(tenant.tenantId)}
          email={email}
          error={error}
        />,
      );
    if (isCrossSite(c)) return page(403, w.formExpired);
    const body = await formBody(c);
    if (!body || !validLoginToken(tenant.tenantId, body._token)) return page(403, w.formExpired);
    const email = normaliseEmail((body.email ?? "").trim());
    if (!email.ok) return page(400, w.emailInvalid, (body.email ?? "").slice(0, 254));
    const name = (
      await deps.database.query<{ name: string }>("SELECT name FROM tenants WHERE id = $1", [tenant.tenantId])
    )[0]?.name;
    const result = await requestLoginCode(
      { db: deps.database.db, clock: deps.clock, sender: codeSender() },
      {
        tenantId: tenant.tenantId,
        email: email.value,
        message: {
          subject: w.codeSubject(name ?? w.site),
          text: w.codeEmail,
          language: links.lang === "en" ? "eng" : "nld",
        },
      },
    );
    if (!result.ok) {
      if (result.reason === "too-many") {
        c.header("Retry-After", "3600");
        return page(429, w.tooManyCodes, email.value);
      }
      return page(503, w.notSent, email.value);
    }
    setCookie(c, LOGIN_COOKIE, result.codeId, {
      path: `${cookiePath(tenant.slug)}/inloggen`,
      httpOnly: true,
      secure: isHttps(c),
      sameSite: "Lax",
      maxAge: LOGIN_CODE_TTL_MS / 1000,
    });
    return c.redirect(links.href("inloggen/code"), 303);
  });

  app.get(`${PORTAL_PATH}/inloggen/code`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    if (!getCookie(c, LOGIN_COOKIE)) return c.redirect(links.href("inloggen"), 303);
    return html(
      c,
      200,
      <CodePage
        links={links}
        action={links.href("inloggen/code")}
        token={loginToken(tenant.tenantId)}
        requestAgain={links.href("inloggen")}
      />,
    );
  });

  app.post(`${PORTAL_PATH}/inloggen/code`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const w = messages[links.lang];
    const page = (status: Status, error: string) =>
      html(
        c,
        status,
        <CodePage
          links={links}
          action={links.href("inloggen/code")}
          token={loginToken(tenant.tenantId)}
          requestAgain={links.href("inloggen")}
          error={error}
        />,
      );
    if (isCrossSite(c)) return page(403, w.formExpired);
    const body = await formBody(c);
    if (!body || !validLoginToken(tenant.tenantId, body._token)) return page(403, w.formExpired);
    const codeId = getCookie(c, LOGIN_COOKIE);
    if (!codeId) return page(400, w.noCode);
    const result = await verifyLoginCode(
      { db: deps.database.db, clock: deps.clock },
      { tenantId: tenant.tenantId, codeId, code: body.code ?? "" },
    );
    if (!result.ok) {
      switch (result.reason) {
        case "wrong":
          return page(400, w.codeWrong(result.attemptsLeft ?? 1));
        case "expired":
          return page(400, w.codeExpired);
        case "attempts":
          return page(400, w.codeAttempts);
        case "no-code":
          return page(400, w.noCode);
      }
    }
    deleteCookie(c, LOGIN_COOKIE, { path: `${cookiePath(tenant.slug)}/inloggen`, secure: isHttps(c) });
    setCookie(c, PORTAL_SESSION_COOKIE, result.token, {
      path: cookiePath(tenant.slug),
      httpOnly: true,
      secure: isHttps(c),
      sameSite: "Lax",
      expires: result.expiresAt,
    });
    return c.redirect(links.href("vragen"), 303);
  });

  app.post(`${PORTAL_PATH}/uitloggen`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    const w = messages[links.lang];
    const body = await formBody(c);
    if (isCrossSite(c) || !body || !sameText(body._csrf ?? "", resident.csrfToken))
      return message(c, tenant.slug, 403, w.errorTitle, w.formExpired, links.href("vragen"));
    await endPortalSession(deps.database.db, getCookie(c, PORTAL_SESSION_COOKIE) ?? "");
    deleteCookie(c, PORTAL_SESSION_COOKIE, { path: cookiePath(tenant.slug), secure: isHttps(c) });
    const loggedOut = links.href("inloggen");
    return c.redirect(`${loggedOut}${loggedOut.includes("?") ? "&" : "?"}uitgelogd=1`, 303);
  });

  app.get(`${PORTAL_PATH}/vragen`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    const data = await listMyQuestions({ db: deps.database.db, clock: deps.clock }, resident);
    return html(
      c,
      200,
      <QuestionsPage links={links} csrf={resident.csrfToken} logout={links.href("uitloggen")} data={data} />,
    );
  });

  /** A logged-in resident's POST: session, same origin and the session's CSRF token, or nothing happens. */
  const residentPost = async (
    c: Context,
    handle: (ctx: {
      tenant: { tenantId: string; slug: string };
      links: PortalLinks;
      resident: PortalResident;
      body: Record<string, string[]>;
    }) => Promise<Response>,
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
  const first = (body: Record<string, string[]>, name: string) => body[name]?.[0] ?? "";

  const questionPage = async (
    c: Context,
    ctx: { tenant: { slug: string }; links: PortalLinks; resident: PortalResident },
    questionId: string,
    state: { notice?: string; error?: FormProblem; values?: Record<string, string> } = {},
  ) => {
    const question = await getMyQuestion(
      { db: deps.database.db, clock: deps.clock },
      ctx.resident,
      questionId,
    );
    if (!question) return notFound(c, ctx.tenant.slug);
    // A choice between radio buttons: the error points at the first one offered.
    const error =
      state.error?.field === "kanaal"
        ? { ...state.error, field: `kanaal-${question.continueWith?.movable[0] ?? "email"}` }
        : state.error;
    return html(
      c,
      error ? 400 : 200,
      <QuestionPage
        links={ctx.links}
        csrf={ctx.resident.csrfToken}
        logout={ctx.links.href("uitloggen")}
        question={question}
        notice={state.notice}
        error={error}
      >
        {question.continueWith && (
          <ContinueForms
            links={ctx.links}
            csrf={ctx.resident.csrfToken}
            questionId={question.id}
            options={question.continueWith}
            error={error}
            values={state.values}
          />
        )}
      </QuestionPage>,
    );
  };

  app.get(`${PORTAL_PATH}/vragen/:questionId`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    const w = messages[links.lang];
    const done = c.req.query("gedaan");
    const questionId = c.req.param("questionId");
    let notice: string | undefined;
    if (done === "bericht") notice = w.messageSent;
    else if (done === "terugbellen") notice = w.callbackDone;
    else if (done === "email" || done === "whatsapp" || done === "letter")
      notice = w.channelMoved(channelName(links.lang, done));
    return questionPage(c, { tenant, links, resident }, questionId, { notice });
  });

  const afterWrite = async (
    c: Context,
    ctx: { tenant: { slug: string }; links: PortalLinks; resident: PortalResident },
    questionId: string,
    result: PortalWriteResult | null,
    done: string,
    problem: (result: Extract<PortalWriteResult, { ok: false }>) => FormProblem,
    values: Record<string, string>,
  ) => {
    if (!result) return notFound(c, ctx.tenant.slug);
    if (!result.ok) return questionPage(c, ctx, questionId, { error: problem(result), values });
    return c.redirect(withParam(ctx.links.href(`vragen/${questionId}`), "gedaan", done), 303);
  };

  app.use(`${PORTAL_PATH}/vragen/:questionId/bericht`, limited);
  app.post(`${PORTAL_PATH}/vragen/:questionId/bericht`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const questionId = c.req.param("questionId") ?? "";
      const text = first(ctx.body, "bericht");
      const result = await replyInPortal(deps, ctx.resident, {
        questionId,
        text,
        language: ctx.links.lang === "en" ? "eng" : "nld",
      });
      return afterWrite(
        c,
        ctx,
        questionId,
        result,
        "bericht",
        (r) => ({
          field: "bericht",
          message: r.reason === "too-long" ? w.messageTooLong(MAX_PORTAL_MESSAGE_CHARS) : w.messageEmpty,
        }),
        { bericht: text.slice(0, MAX_PORTAL_MESSAGE_CHARS * 2) },
      );
    }),
  );

  app.post(`${PORTAL_PATH}/vragen/:questionId/terugbellen`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const questionId = c.req.param("questionId") ?? "";
      const phone = first(ctx.body, "telefoon").slice(0, 40);
      const slot = first(ctx.body, "tijd").slice(0, 40);
      const result = await requestPortalCallback({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
        questionId,
        phone,
        slot,
        language: ctx.links.lang === "en" ? "eng" : "nld",
      });
      return afterWrite(
        c,
        ctx,
        questionId,
        result,
        "terugbellen",
        (r) =>
          r.field === "phone"
            ? { field: "telefoon", message: w.phoneInvalid }
            : { field: "tijd", message: w.slotInvalid },
        { telefoon: phone, tijd: slot },
      );
    }),
  );

  app.post(`${PORTAL_PATH}/vragen/:questionId/kanaal`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const questionId = c.req.param("questionId") ?? "";
      const channel = first(ctx.body, "kanaal").slice(0, 20);
      const result = await moveQuestionChannel({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
        questionId,
        channel,
      });
      return afterWrite(
        c,
        ctx,
        questionId,
        result,
        channel,
        (r) => ({
          field: "kanaal",
          message: r.reason === "unreachable" ? w.channelUnreachable : w.channelInvalid,
        }),
        {},
      );
    }),
  );

  const preferencesPage = async (
    c: Context,
    ctx: { links: PortalLinks; resident: PortalResident },
    state: { notice?: string; error?: FormProblem; values?: Record<string, string | string[]> } = {},
  ) => {
    const preferences = await getMyPreferences({ db: deps.database.db, clock: deps.clock }, ctx.resident);
    return html(
      c,
      state.error ? 400 : 200,
      <PreferencesPage
        links={ctx.links}
        csrf={ctx.resident.csrfToken}
        logout={ctx.links.href("uitloggen")}
        preferences={preferences}
        {...state}
      />,
    );
  };

  app.get(`${PORTAL_PATH}/voorkeuren`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    const w = messages[links.lang];
    const done = c.req.query("gedaan");
    const notice =
      done === "voorkeuren" ? w.preferencesSaved : done === "onderwerp" ? w.topicSaved : undefined;
    return preferencesPage(c, { links, resident }, { notice });
  });

  app.post(`${PORTAL_PATH}/voorkeuren`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const input = {
        preferredChannel: first(ctx.body, "voorkeurskanaal").slice(0, 20),
        language: first(ctx.body, "taal").slice(0, 10),
        needs: (ctx.body.behoefte ?? []).slice(0, 10).map((n) => n.slice(0, 40)),
        noDigitalContact: first(ctx.body, "geen-digitaal") === "ja",
      };
      const result = await saveMyPreferences(
        { db: deps.database.db, clock: deps.clock },
        ctx.resident,
        input,
      );
      if (!result.ok) {
        const field =
          result.field === "preferredChannel"
            ? "voorkeurskanaal"
            : result.field === "language"
              ? "taal"
              : "behoefte-larger-text";
        return preferencesPage(c, ctx, {
          error: { field, message: w.invalidChoice },
          values: {
            voorkeurskanaal: input.preferredChannel,
            taal: input.language,
            behoefte: input.needs,
            "geen-digitaal": input.noDigitalContact ? "ja" : "",
          },
        });
      }
      return c.redirect(withParam(ctx.links.href("voorkeuren"), "gedaan", "voorkeuren"), 303);
    }),
  );

  app.post(`${PORTAL_PATH}/voorkeuren/onderwerp`, (c) =>
    residentPost(c, async (ctx) => {
      const w = messages[ctx.links.lang];
      const topicId = first(ctx.body, "onderwerp").slice(0, 60);
      const channel = first(ctx.body, "onderwerp-kanaal").slice(0, 20);
      const result = await saveMyTopicPreference({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
        topicId,
        channel,
      });
      if (!result.ok)
        return preferencesPage(c, ctx, {
          error:
            result.field === "topicId"
              ? { field: "onderwerp", message: w.topicInvalid }
              : { field: "onderwerp-kanaal", message: w.invalidChoice },
          values: { onderwerp: topicId, "onderwerp-kanaal": channel },
        });
      return c.redirect(withParam(ctx.links.href("voorkeuren"), "gedaan", "onderwerp"), 303);
    }),
  );

  const loggedInPage = async (
    c: Context,
    render: (ctx: {
      tenant: { tenantId: string; slug: string };
      links: PortalLinks;
      resident: PortalResident;
    }) => Promise<Response>,
  ) => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const links = linksFor(c, tenant.slug);
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return c.redirect(links.href("inloggen"), 303);
    return render({ tenant, links, resident });
  };

  app.get(`${PORTAL_PATH}/toestemming`, (c) =>
    loggedInPage(c, async ({ links, resident }) => {
      const consents = await getMyConsents({ db: deps.database.db, clock: deps.clock }, resident);
      const notice = c.req.query("gedaan") === "1" ? privacyMessages[links.lang].consentSaved : undefined;
      return html(
        c,
        200,
        <ConsentPage
          links={links}
          csrf={resident.csrfToken}
          logout={links.href("uitloggen")}
          consents={consents}
          notice={notice}
        />,
      );
    }),
  );

  app.post(`${PORTAL_PATH}/toestemming`, (c) =>
    residentPost(c, async (ctx) => {
      const choice = first(ctx.body, "keuze");
      const result =
        choice === "ja" || choice === "nee"
          ? await setMyConsent({ db: deps.database.db, clock: deps.clock }, ctx.resident, {
              purpose: first(ctx.body, "doel").slice(0, 60),
              given: choice === "ja",
            })
          : null;
      if (!result?.ok) {
        const w = messages[ctx.links.lang];
        return message(c, ctx.tenant.slug, 400, w.errorTitle, w.invalidChoice, ctx.links.href("toestemming"));
      }
      return c.redirect(withParam(ctx.links.href("toestemming"), "gedaan", "1"), 303);
    }),
  );

  app.get(`${PORTAL_PATH}/inzage`, (c) =>
    loggedInPage(c, async ({ links, resident }) => {
      const inzage = await getMyInzage({ db: deps.database.db, clock: deps.clock }, resident, {
        action: "portal.inzage.read",
      });
      return html(
        c,
        200,
        <InzagePage
          links={links}
          csrf={resident.csrfToken}
          logout={links.href("uitloggen")}
          inzage={inzage}
        />,
      );
    }),
  );

  /**
   * The downloads: only the data subject's own session gets them (anyone else, including a representative
   * for the person they represent, gets a 404, never a redirect that would confirm anything).
   */
  const download = async (c: Context, kind: "json" | "pdf") => {
    const tenant = await tenantOf(c);
    if (!tenant) return notFound(c, "");
    const resident = await residentOf(c, tenant.tenantId);
    if (!resident) return notFound(c, tenant.slug);
    const { lang } = langOf(c);
    const inzage = await getMyInzage({ db: deps.database.db, clock: deps.clock }, resident, {
      action: kind === "json" ? "portal.inzage.download-json" : "portal.inzage.download-pdf",
    });
    const day = inzage.generatedAt.toISOString().slice(0, 10);
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Content-Disposition", `attachment; filename="inzage-${tenant.slug}-${day}.${kind}"`);
    if (kind === "json") {
      c.header("Content-Type", "application/json; charset=utf-8");
      return c.body(JSON.stringify({ municipality: tenant.slug, ...inzage }, null, 2), 200);
    }
    const name = (
      await deps.database.query<{ name: string }>("SELECT name FROM tenants WHERE id = $1", [tenant.tenantId])
    )[0]?.name;
    const pdf = await inzagePdf(lang, inzage, name ?? tenant.slug);
    c.header("Content-Type", "application/pdf");
    return c.body(new Uint8Array(pdf), 200);
  };
  app.get(`${PORTAL_PATH}/inzage.json`, (c) => download(c, "json"));
  app.get(`${PORTAL_PATH}/inzage.pdf`, (c) => download(c, "pdf"));

  app.get(`${PORTAL_PATH}/inzage/verzoek`, (c) =>
    loggedInPage(c, async ({ links, resident }) => {
      const p = privacyMessages[links.lang];
      const reference = c.req.query("kenmerk") ?? "";
      const due = new Date(c.req.query("termijn") ?? "");
      const notice =
        /^[A-Z0-9-]{1,40}$/.test(reference) && !Number.isNaN(due.getTime())
          ? p.requestDone(reference, dueText(links.lang, due))
          : undefined;
      return html(
        c,
        200,
        <PrivacyRequestPage
          links={links}
          csrf={resident.csrfToken}
          logout={links.href("uitloggen")}
          notice={notice}
        />,
      );
    }),
  );

  app.use(`${PORTAL_PATH}/inzage/verzoek`, limited);
  app.post(`${PORTAL_PATH}/inzage/verzoek`, (c) =>
    residentPost(c, async (ctx) => {
      const p = privacyMessages[ctx.links.lang];
      const kind = first(ctx.body, "soort").slice(0, 20);
      const text = first(ctx.body, "verzoek");
      const result = await requestCorrectionOrErasure(deps, ctx.resident, {
        kind,
        text,
        language: ctx.links.lang === "en" ? "eng" : "nld",
      });
      if (!result.ok) {
        const error =
          result.field === "kind"
            ? { field: "soort-correction", message: p.requestKindMissing }
            : {
                field: "verzoek",
                message:
                  result.reason === "too-long" ? p.requestTooLong(MAX_PRIVACY_REQUEST_CHARS) : p.requestEmpty,
              };
        return html(
          c,
          400,
          <PrivacyRequestPage
            links={ctx.links}
            csrf={ctx.resident.csrfToken}
            logout={ctx.links.href("uitloggen")}
            error={error}
            values={{ soort: kind, verzoek: text.slice(0, MAX_PRIVACY_REQUEST_CHARS * 2) }}
          />,
        );
      }
      const target = withParam(ctx.links.href("inzage/verzoek"), "kenmerk", result.reference);
      return c.redirect(withParam(target, "termijn", result.dueAt.toISOString()), 303);
    }),
  );
}
