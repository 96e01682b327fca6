import { normaliseBsn } from "@omniloket/domain";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { signedUrlCandidates } from "../channels/request-urls";
import { endPortalSession, joinAddressRecords, logInWithOidc, previewAddressJoin } from "../features/portal";
import type { App } from "../platform/http/types";
import { forgetJoin, offeredJoin, offerJoin } from "./join-offer";
import { oidcMessages } from "./oidc-messages";
import { JoinPage, NothingToJoinPage, OidcProblemPage } from "./oidc-pages";
import {
  createOidcRelyingParty,
  type OidcChecks,
  type OidcFailure,
  OidcLoginError,
  type OidcRelyingParty,
} from "./oidc-relying-party";
import { first, isHttps, PORTAL_PATH, PORTAL_SESSION_COOKIE, type PortalContext } from "./portal-context";
import type { PortalLinks } from "./portal-pages";
import { openCookieValue, sealCookieValue } from "./sealed-cookie";

/** State, nonce and PKCE verifier between leaving for the provider and coming back. */
export const OIDC_COOKIE = "omniloket_portal_oidc";
const OIDC_TTL_MS = 10 * 60_000;

type OidcCookie = { t: string; s: string; n: string; v: string; l?: string };

/** The login page's DigiD link, when OpenID Connect is configured (else the portal offers the code only). */
export function digidLoginHref(portal: PortalContext, links: PortalLinks): string | undefined {
  return portal.deps.config.oidc ? links.href("inloggen/digid") : undefined;
}

/**
 * Logging in with DigiD (or eHerkenning) through an OpenID Connect broker, and joining the records this
 * browser proved by code after the resident confirms (decision 0010). Without OMNILOKET_OIDC_ISSUER the
 * routes answer 404.
 */
export function registerOidcRoutes(app: App, portal: PortalContext, relyingParty?: OidcRelyingParty | null) {
  const { deps, linksFor, html, message, tenantOf, notFound, cookiePath, residentOf, limited } = portal;
  const config = deps.config.oidc;
  const rp = relyingParty !== undefined ? relyingParty : config ? createOidcRelyingParty(config) : null;
  const secret = deps.config.formSecret;
  const verifiedBy = rp ? `DigiD via ${rp.issuer}` : "";
  const oidcPath = (slug: string) => `${cookiePath(slug)}/inloggen/digid`;

  const redirectUri = (c: Context, slug: string) => {
    const origin =
      deps.config.publicUrl ?? new URL(signedUrlCandidates(c).at(-1) ?? c.req.url).origin.toString();
    return `${origin}/mijn/${encodeURIComponent(slug)}/inloggen/digid/terug`;
  };
  const problem = (c: Context, links: PortalLinks, failure: OidcFailure | "expired" | "noBsn") => {
    const status = failure === "unavailable" ? 503 : failure === "cancelled" ? 200 : 400;
    const text = oidcMessages[links.lang][failure];
    c.header("Cache-Control", "no-store");
    return html(
      c,
      status,
      <OidcProblemPage links={links} text={text} retry={links.href("inloggen/digid")} />,
    );
  };

  app.use(`${PORTAL_PATH}/koppelen`, limited);

  app.get(`${PORTAL_PATH}/inloggen/digid`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant || !rp) return notFound(c, tenant?.slug ?? "");
    const links = linksFor(c, tenant.slug);
    let started: Awaited<ReturnType<OidcRelyingParty["start"]>>;
    try {
      started = await rp.start(redirectUri(c, tenant.slug));
    } catch (error) {
      if (!(error instanceof OidcLoginError)) throw error;
      deps.log.warn({ code: error.logCode }, "portal: OpenID Connect provider not reachable");
      return problem(c, links, error.failure);
    }
    const asked = c.req.query("lang");
    const state: OidcCookie = {
      t: tenant.tenantId,
      s: started.checks.state,
      n: started.checks.nonce,
      v: started.checks.verifier,
      ...(asked === "en" || asked === "nl" ? { l: asked } : {}),
    };
    const expires = new Date(deps.clock().getTime() + OIDC_TTL_MS);
    setCookie(c, OIDC_COOKIE, sealCookieValue(secret, "oidc", state, expires), {
      path: oidcPath(tenant.slug),
      httpOnly: true,
      secure: isHttps(c),
      sameSite: "Lax",
      maxAge: OIDC_TTL_MS / 1000,
    });
    c.header("Cache-Control", "no-store");
    return c.redirect(started.url, 303);
  });

  app.get(`${PORTAL_PATH}/inloggen/digid/terug`, async (c) => {
    const tenant = await tenantOf(c);
    if (!tenant || !rp || !config) return notFound(c, tenant?.slug ?? "");
    const links = linksFor(c, tenant.slug);
    const saved = openCookieValue<OidcCookie>(secret, "oidc", getCookie(c, OIDC_COOKIE), deps.clock());
    // One use only: whatever happens next, the checks are gone.
    deleteCookie(c, OIDC_COOKIE, { path: oidcPath(tenant.slug), secure: isHttps(c) });
    if (!saved || saved.t !== tenant.tenantId)
      return problem(c, links, c.req.query("error") === "access_denied" ? "cancelled" : "expired");
    if (c.req.query("state") !== saved.s) {
      deps.log.warn("portal: OpenID Connect state does not match; login refused");
      return problem(c, links, "refused");
    }
    const checks: OidcChecks = { state: saved.s, nonce: saved.n, verifier: saved.v };
    let claims: Record<string, unknown>;
    try {
      claims = await rp.finish(new URL(`${redirectUri(c, tenant.slug)}${new URL(c.req.url).search}`), checks);
    } catch (error) {
      if (!(error instanceof OidcLoginError)) throw error;
      if (error.failure !== "cancelled")
        deps.log.warn({ code: error.logCode, failure: error.failure }, "portal: OpenID Connect login failed");
      return problem(c, links, error.failure);
    }
    const bsn = bsnFrom(claims[config.bsnClaim]);
    if (!bsn) {
      deps.log.warn({ claim: config.bsnClaim }, "portal: ID token without a valid BSN; login refused");
      return problem(c, links, "noBsn");
    }

    // A session this browser already had (a login by code) proved an address: offer to join it.
    const previous = await residentOf(c, tenant.tenantId);
    const session = await logInWithOidc(
      { db: deps.database.db, clock: deps.clock },
      { tenantId: tenant.tenantId, bsn, verifiedBy },
    );
    if (previous) await endPortalSession(deps.database.db, getCookie(c, PORTAL_SESSION_COOKIE) ?? "");
    setCookie(c, PORTAL_SESSION_COOKIE, session.token, {
      path: cookiePath(tenant.slug),
      httpOnly: true,
      secure: isHttps(c),
      sameSite: "Lax",
      expires: session.expiresAt,
    });
    const query = saved.l ? `?lang=${saved.l}` : "";
    const base = `/mijn/${encodeURIComponent(tenant.slug)}`;
    if (previous && previous.partyId !== session.partyId) {
      offerJoin(c, portal, tenant.slug, {
        tenantId: tenant.tenantId,
        verifiedPartyId: session.partyId,
        addressPartyId: previous.partyId,
      });
      return c.redirect(`${base}/koppelen${query}`, 303);
    }
    return c.redirect(`${base}/vragen${query}`, 303);
  });

  app.get(`${PORTAL_PATH}/koppelen`, (c) =>
    portal.loggedInPage(c, async ({ tenant, links, resident }) => {
      const o = oidcMessages[links.lang];
      const addressPartyId = offeredJoin(c, portal, resident);
      const preview = addressPartyId
        ? await previewAddressJoin({ db: deps.database.db, clock: deps.clock }, { resident, addressPartyId })
        : null;
      if (!preview) {
        forgetJoin(c, portal, tenant.slug);
        return html(c, 200, <NothingToJoinPage links={links} text={o.nothingToJoin} />);
      }
      c.header("Cache-Control", "no-store");
      return html(c, 200, <JoinPage links={links} preview={preview} csrf={resident.csrfToken} />);
    }),
  );

  app.post(`${PORTAL_PATH}/koppelen`, (c) =>
    portal.residentPost(c, async ({ tenant, links, resident, body }) => {
      const o = oidcMessages[links.lang];
      const addressPartyId = offeredJoin(c, portal, resident);
      forgetJoin(c, portal, tenant.slug);
      if (!addressPartyId || first(body, "keuze") !== "koppelen")
        return message(c, tenant.slug, 200, o.joinTitle, o.notJoined, links.href("vragen"));
      const joined = await joinAddressRecords(
        { db: deps.database.db, clock: deps.clock },
        { resident, addressPartyId, verifiedBy },
      );
      return message(
        c,
        tenant.slug,
        200,
        o.joinTitle,
        joined ? o.joined : o.nothingToJoin,
        links.href("vragen"),
      );
    }),
  );
}

/**
 * The BSN from the configured claim: nine digits that pass the eleven-test. Brokers may prefix it with
 * a sector code ("s00000000:123456782"); the part after the last colon is the number.
 */
export function bsnFrom(claim: unknown): string | null {
  if (typeof claim !== "string" && typeof claim !== "number") return null;
  const raw = String(claim);
  const number = raw.slice(raw.lastIndexOf(":") + 1);
  const bsn = normaliseBsn(number);
  return bsn.ok ? bsn.value : null;
}
