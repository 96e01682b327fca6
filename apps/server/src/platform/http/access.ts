import { hasAnyRole, type Principal } from "../auth/principal";
import { PURPOSES, type Purpose, type Role } from "../auth/roles";
import { AppError, forbidden } from "../errors";
import type { AppContext } from "./types";

export const PURPOSE_HEADER = "omniloket-purpose";

/** The caller, who must have one of `roles`. */
export function requirePrincipal(c: AppContext, roles: readonly Role[]): Principal {
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthenticated", "unauthenticated", "Log eerst in.");
  if (!hasAnyRole(principal, roles)) throw forbidden();
  return principal;
}

/**
 * The purpose of this read: the route declares the purposes it serves (the first is the default); a
 * client may narrow it to one of them with the Omniloket-Purpose header.
 */
export function purposeOf(c: AppContext, allowed: readonly Purpose[]): Purpose {
  const asked = c.req.header(PURPOSE_HEADER);
  const fallback = allowed[0];
  if (!fallback) throw new Error("A route must declare at least one purpose");
  if (!asked) return fallback;
  if (!(PURPOSES as readonly string[]).includes(asked) || !allowed.includes(asked as Purpose)) {
    throw new AppError(
      "invalid-purpose",
      "validation",
      `Het doel "${asked}" past niet bij deze vraag. Toegestaan: ${allowed.join(", ")}.`,
      [{ name: PURPOSE_HEADER, code: "invalid-purpose", reason: `Toegestaan: ${allowed.join(", ")}` }],
    );
  }
  return asked as Purpose;
}
