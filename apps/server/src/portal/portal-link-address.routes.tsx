import { normaliseEmail } from "@omniloket/domain";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { endPortalSession, LOGIN_CODE_TTL_MS, requestLoginCode, verifyLoginCode } from "../features/portal";
import type { App } from "../platform/http/types";
import { offerJoin } from "./join-offer";
import { messages } from "./messages";
import { oidcMessages } from "./oidc-messages";
import { LinkAddressPage, LinkCodePage } from "./oidc-pages";
import { first, isHttps, PORTAL_PATH, type PortalContext } from "./portal-context";

/** The code that proves an address the resident wants to link (its id; the code itself only in the email). */
export const LINK_CODE_COOKIE = "omniloket_portal_koppel_code";

/**
 * "Koppel uw e-mailadres": a resident logged in with DigiD proves an email address with the same
 * one-time code as the code login (hashed, 10 minutes, single use, 5 attempts, 5 an hour per address).
 * The proved address's resident is then offered on /koppelen, where nothing is joined until the
 * resident confirms (decision 0010). The code check's own session is ended at once: the resident stays
 * logged in with DigiD.
 */
export function registerLinkAddressRoutes(app: App, portal: PortalContext) {
  const { deps, codeSender, html, message, cookiePath, limited, loggedInPage, residentPost } = portal;
  const codePath = (slug: string) => `${cookiePath(slug)}/koppelen`;

  app.use(`${PORTAL_PATH}/koppelen/adres`, limited);
  app.use(`${PORTAL_PATH}/koppelen/code`, limited);

  app.get(`${PORTAL_PATH}/koppelen/adres`, (c) =>
    loggedInPage(c, async ({ links, resident }) =>
      html(c, 200, <LinkAddressPage links={links} csrf={resident.csrfToken} />),
    ),
  );

  app.post(`${PORTAL_PATH}/koppelen/adres`, (c) =>
    residentPost(c, async ({ tenant, links, resident, body }) => {
      const w = messages[links.lang];
      const o = oidcMessages[links.lang];
      const given = first(body, "email").trim().slice(0, 254);
      const page = (status: 400 | 429 | 503, error: string) =>
        html(
          c,
          status,
          <LinkAddressPage links={links} csrf={resident.csrfToken} email={given} error={error} />,
        );
      const email = normaliseEmail(given);
      if (!email.ok) return page(400, w.emailInvalid);
      const name = (
        await deps.database.query<{ name: string }>("SELECT name FROM tenants WHERE id = $1", [
          tenant.tenantId,
        ])
      )[0]?.name;
      const result = await requestLoginCode(
        { db: deps.database.db, clock: deps.clock, senders: { email: codeSender(), sms: null } },
        {
          tenantId: tenant.tenantId,
          address: { kind: "email", value: email.value },
          message: {
            subject: o.linkSubject(name ?? w.site),
            text: o.linkEmail,
            language: links.lang === "en" ? "eng" : "nld",
          },
        },
      );
      if (!result.ok) {
        if (result.reason !== "too-many") return page(503, w.notSent);
        c.header("Retry-After", "3600");
        return page(429, w.tooManyCodes);
      }
      setCookie(c, LINK_CODE_COOKIE, result.codeId, {
        path: codePath(tenant.slug),
        httpOnly: true,
        secure: isHttps(c),
        sameSite: "Lax",
        maxAge: LOGIN_CODE_TTL_MS / 1000,
      });
      return c.redirect(links.href("koppelen/code"), 303);
    }),
  );

  app.get(`${PORTAL_PATH}/koppelen/code`, (c) =>
    loggedInPage(c, async ({ links, resident }) => {
      if (!getCookie(c, LINK_CODE_COOKIE)) return c.redirect(links.href("koppelen/adres"), 303);
      return html(c, 200, <LinkCodePage links={links} csrf={resident.csrfToken} />);
    }),
  );

  app.post(`${PORTAL_PATH}/koppelen/code`, (c) =>
    residentPost(c, async ({ tenant, links, resident, body }) => {
      const w = messages[links.lang];
      const o = oidcMessages[links.lang];
      const page = (error: string) =>
        html(c, 400, <LinkCodePage links={links} csrf={resident.csrfToken} error={error} />);
      const codeId = getCookie(c, LINK_CODE_COOKIE);
      if (!codeId) return page(w.noCode);
      const result = await verifyLoginCode(
        { db: deps.database.db, clock: deps.clock },
        { tenantId: tenant.tenantId, codeId, code: first(body, "code") },
      );
      if (!result.ok) {
        switch (result.reason) {
          case "wrong":
            return page(w.codeWrong(result.attemptsLeft ?? 1));
          case "expired":
            return page(w.codeExpired);
          case "attempts":
            return page(w.codeAttempts);
          case "no-code":
            return page(w.noCode);
        }
      }
      // The code proved the address; the session the code check started is not needed.
      await endPortalSession(deps.database.db, result.token);
      deleteCookie(c, LINK_CODE_COOKIE, { path: codePath(tenant.slug), secure: isHttps(c) });
      if (result.partyId === resident.partyId)
        return message(c, tenant.slug, 200, o.linkTitle, o.alreadyYours, links.href("vragen"));
      offerJoin(c, portal, tenant.slug, {
        tenantId: tenant.tenantId,
        verifiedPartyId: resident.partyId,
        addressPartyId: result.partyId,
      });
      return c.redirect(links.href("koppelen"), 303);
    }),
  );
}
