import { domainToASCII } from "node:url";
import { fail, ok, type Result } from "../result";
import type { IdentifierProblem } from "./problems";

// RFC 5321 limits.
const MAX_LOCAL_PART_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 254;
const MAX_DOMAIN_LENGTH = 253;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * An email address as we store it: trimmed, the local part exactly as given (mail servers may
 * treat it case-sensitively), the domain lower-cased and converted to ASCII (punycode), so that
 * "Jan@Bücher.DE" and "Jan@xn--bcher-kva.de" are the same address.
 *
 * Quoted local parts and IP-literal domains are rejected: residents do not use them, and
 * accepting them would only widen what an address-based party can be.
 *
 * @example normaliseEmail(" Jan@Bücher.DE ") // { ok: true, value: "Jan@xn--bcher-kva.de" }
 */
export function normaliseEmail(input: string): Result<string, IdentifierProblem> {
  const trimmed = input.trim();
  if (trimmed === "") return fail("empty");
  const parts = trimmed.split("@");
  if (parts.length !== 2) return fail("invalid-format");
  const [localPart = "", domain = ""] = parts;
  if (localPart === "" || domain === "") return fail("invalid-format");
  if (!isPlausibleLocalPart(localPart)) return fail("invalid-format");
  const asciiDomain = toAsciiDomain(domain);
  if (asciiDomain === null) return fail("invalid-domain");
  const address = `${localPart}@${asciiDomain}`;
  if (address.length > MAX_ADDRESS_LENGTH) return fail("invalid-format");
  return ok(address);
}

function isPlausibleLocalPart(localPart: string): boolean {
  if (localPart.length > MAX_LOCAL_PART_LENGTH) return false;
  // Whitespace, control characters, quotes and angle brackets only appear in pasted display names.
  return !/[\s\p{Cc}"<>(),;:\\[\]]/u.test(localPart);
}

function toAsciiDomain(domain: string): string | null {
  const ascii = domainToASCII(domain.toLowerCase());
  if (ascii === "" || ascii.length > MAX_DOMAIN_LENGTH) return null;
  const labels = ascii.split(".");
  if (labels.length < 2) return null;
  if (!labels.every((label) => LABEL.test(label))) return null;
  const topLevel = labels.at(-1) ?? "";
  if (topLevel.length < 2 || /^\d+$/.test(topLevel)) return null;
  return ascii;
}
