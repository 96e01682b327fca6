import { fail, ok, type Result } from "../result";

export type PostcodeProblem = "empty" | "invalid-format";

/**
 * A Dutch postcode as "1234AB": four digits not starting with 0, then two capital letters.
 *
 * @example normalisePostcode("1234 ab") // { ok: true, value: "1234AB" }
 */
export function normalisePostcode(input: string): Result<string, PostcodeProblem> {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  if (compact === "") return fail("empty");
  if (!/^[1-9]\d{3}[A-Z]{2}$/.test(compact)) return fail("invalid-format");
  return ok(compact);
}
