import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { fail, ok, type Result } from "../result";
import type { IdentifierProblem } from "./problems";

/**
 * A phone number in E.164 ("+31612345678"). Numbers without a country code are read as
 * `defaultCountry`; "0031…" works because 00 is the Dutch international prefix.
 *
 * The full ("max") metadata is used so that `isValid()` checks the digits, not only the length.
 * A number with an extension is rejected: E.164 cannot hold it, and dropping it silently would
 * link the resident to the switchboard's number.
 *
 * @example normalisePhone("06 12345678") // { ok: true, value: "+31612345678" }
 */
export function normalisePhone(
  input: string,
  defaultCountry: CountryCode = "NL",
): Result<string, IdentifierProblem> {
  const trimmed = input.trim();
  if (trimmed === "") return fail("empty");
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (parsed === undefined || parsed.ext !== undefined) return fail("invalid-format");
  if (!parsed.isValid()) return fail("invalid-phone-number");
  return ok(parsed.number);
}

export type { CountryCode };
