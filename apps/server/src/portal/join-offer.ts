import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { PortalResident } from "../features/portal";
import { isHttps, type PortalContext } from "./portal-context";
import { openCookieValue, sealCookieValue } from "./sealed-cookie";

/** The address-based resident this browser proved by code, offered for joining to the DigiD resident. */
export const JOIN_COOKIE = "omniloket_portal_koppel";
const JOIN_TTL_MS = 60 * 60_000;

type JoinOffer = { t: string; v: string; a: string };

/**
 * Offers joining `addressPartyId` (proved by a code in this browser) to the logged-in verified resident:
 * a signed cookie bound to the municipality and to that resident, so it cannot be made up, changed or
 * used by another session. Nothing is joined until the resident confirms on /koppelen.
 */
export function offerJoin(
  c: Context,
  portal: PortalContext,
  slug: string,
  offer: { tenantId: string; verifiedPartyId: string; addressPartyId: string },
) {
  const value: JoinOffer = { t: offer.tenantId, v: offer.verifiedPartyId, a: offer.addressPartyId };
  const expires = new Date(portal.deps.clock().getTime() + JOIN_TTL_MS);
  setCookie(c, JOIN_COOKIE, sealCookieValue(portal.deps.config.formSecret, "join", value, expires), {
    path: portal.cookiePath(slug),
    httpOnly: true,
    secure: isHttps(c),
    sameSite: "Lax",
    maxAge: JOIN_TTL_MS / 1000,
  });
}

/** The address-based resident offered to this logged-in resident, or null. */
export function offeredJoin(c: Context, portal: PortalContext, resident: PortalResident): string | null {
  const offer = openCookieValue<JoinOffer>(
    portal.deps.config.formSecret,
    "join",
    getCookie(c, JOIN_COOKIE),
    portal.deps.clock(),
  );
  if (!offer || offer.t !== resident.tenantId || offer.v !== resident.partyId) return null;
  return offer.a;
}

export function forgetJoin(c: Context, portal: PortalContext, slug: string) {
  deleteCookie(c, JOIN_COOKIE, { path: portal.cookiePath(slug), secure: isHttps(c) });
}
