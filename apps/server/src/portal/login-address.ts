import { normaliseEmail, normalisePhone } from "@omniloket/domain";
import type { LoginAddress } from "../features/portal";

export type ParsedLoginAddress =
  | { ok: true; address: LoginAddress }
  | { ok: false; reason: "invalid" | "not-mobile" };

/**
 * The login form's one field: an email address (it has an @) or a mobile number ("06 12345678",
 * "+31 6 1234 5678"). Dutch numbers must be mobile (06), because the code goes by SMS; a number from
 * abroad is taken as its country's rules allow.
 */
export function parseLoginAddress(input: string): ParsedLoginAddress {
  const given = input.trim();
  if (given.includes("@")) {
    const email = normaliseEmail(given);
    return email.ok
      ? { ok: true, address: { kind: "email", value: email.value } }
      : { ok: false, reason: "invalid" };
  }
  if (!/^\+?[\d\s().-]{8,20}$/.test(given)) return { ok: false, reason: "invalid" };
  const phone = normalisePhone(given);
  if (!phone.ok) return { ok: false, reason: "invalid" };
  if (phone.value.startsWith("+31") && !phone.value.startsWith("+316"))
    return { ok: false, reason: "not-mobile" };
  return { ok: true, address: { kind: "phone", value: phone.value } };
}
