import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { endPortalSession, LOGIN_CODE_TTL_MS, requestLoginCode, verifyLoginCode } from "../features/portal";
import type { App } from "../platform/http/types";
import { ACCESSIBILITY_PATH, AccessibilityPage } from "./accessibility-page";
import { parseLoginAddress } from "./login-address";
import { messages } from "./messages";
import {
  formBody,
  isCrossSite,
  isHttps,
  LOGIN_COOKIE,
  langOf,
  PORTAL_PATH,
  PORTAL_SESSION_COOKIE,
  type PortalContext,
  type Status,
  sameText,
  withParam,
} from "./portal-context";
import { digidLoginHref } from "./portal-oidc.routes";
import { CodePage, LoginPage } from "./portal-pages";
import { smsLoginMessages } from "./sms-login-messages";

/**
 * Logging in and out: the one-time code by email, the session cookie on the municipality's path, the
 * accessibility statement and /mijn/{gemeente} itself (to the resident's questions).
 */
export function registerLoginRoutes(app: App, portal: PortalContext) {
  const {
    deps,
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
  } = portal;

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
        digid={digidLoginHref(portal, links)}
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
          digid={digidLoginHref(portal, links)}
        />,
      );
    if (isCrossSite(c)) return page(403, w.formExpired);
    const body = await formBody(c);
    if (!body || !validLoginToken(tenant.tenantId, body._token)) return page(403, w.formExpired);
    // One field: an email address or a mobile number (the code then goes by SMS).
    const sms = smsLoginMessages[links.lang];
    const parsed = parseLoginAddress(body.email ?? "");
    if (!parsed.ok)
      return page(
        400,
        parsed.reason === "not-mobile" ? sms.notMobile : sms.addressInvalid,
        (body.email ?? "").slice(0, 254),
      );
    const { address } = parsed;
    const name = (
      await deps.database.query<{ name: string }>("SELECT name FROM tenants WHERE id = $1", [tenant.tenantId])
    )[0]?.name;
    const result = await requestLoginCode(
      {
        db: deps.database.db,
        clock: deps.clock,
        senders: { email: codeSender(), sms: address.kind === "phone" ? smsCodeSender() : null },
      },
      {
        tenantId: tenant.tenantId,
        address,
        message: {
          subject: w.codeSubject(name ?? w.site),
          text: address.kind === "phone" ? (code) => sms.codeSms(code, name ?? w.site) : w.codeEmail,
          language: links.lang === "en" ? "eng" : "nld",
        },
      },
    );
    if (!result.ok) {
      if (result.reason === "too-many") {
        c.header("Retry-After", "3600");
        return page(429, w.tooManyCodes, address.value);
      }
      if (result.reason === "no-channel") return page(400, sms.smsNotOffered, address.value);
      return page(503, address.kind === "phone" ? sms.smsNotSent : w.notSent, address.value);
    }
    setCookie(c, LOGIN_COOKIE, result.codeId, {
      path: `${cookiePath(tenant.slug)}/inloggen`,
      httpOnly: true,
      secure: isHttps(c),
      sameSite: "Lax",
      maxAge: LOGIN_CODE_TTL_MS / 1000,
    });
    const codePage = links.href("inloggen/code");
    return c.redirect(address.kind === "phone" ? withParam(codePage, "via", "sms") : codePage, 303);
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
        action={codeAction(c.req.query("via"), links.href("inloggen/code"))}
        token={loginToken(tenant.tenantId)}
        requestAgain={links.href("inloggen")}
        bySms={c.req.query("via") === "sms"}
        demoMailbox={portal.demoMailbox}
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
          action={codeAction(c.req.query("via"), links.href("inloggen/code"))}
          token={loginToken(tenant.tenantId)}
          requestAgain={links.href("inloggen")}
          bySms={c.req.query("via") === "sms"}
          demoMailbox={portal.demoMailbox}
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
}

/** The code form posts back to itself, keeping ?via=sms so its texts keep speaking of the SMS. */
function codeAction(via: string | undefined, href: string): string {
  return via === "sms" ? withParam(href, "via", "sms") : href;
}
