import type { Result } from "../result";
import { normaliseBsn, normaliseRsin } from "./bsn";
import { normaliseEmail } from "./email";
import { normaliseKvk } from "./kvk";
import { normalisePhone } from "./phone";
import type { IdentifierProblem } from "./problems";

export const IDENTIFIER_KINDS = ["bsn", "rsin", "kvk", "email", "phone", "whatsapp"] as const;

export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/**
 * Normalises an identifier of the given kind to the form we store and match on exactly.
 * A WhatsApp address is the account's phone number in E.164.
 */
export function normaliseIdentifier(kind: IdentifierKind, input: string): Result<string, IdentifierProblem> {
  switch (kind) {
    case "bsn":
      return normaliseBsn(input);
    case "rsin":
      return normaliseRsin(input);
    case "kvk":
      return normaliseKvk(input);
    case "email":
      return normaliseEmail(input);
    case "phone":
    case "whatsapp":
      return normalisePhone(input);
  }
}
