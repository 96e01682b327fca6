import { fail, ok, type Result } from "../result";
import { passesElevenTest } from "./eleven-test";
import type { IdentifierProblem } from "./problems";
import { stripSeparators } from "./separators";

/**
 * A BSN as nine digits that pass the 11-proef. A legacy eight-digit number (its leading zero lost,
 * often by a spreadsheet) gets the zero back.
 *
 * @example normaliseBsn("2495.66.758") // { ok: true, value: "249566758" }
 */
export function normaliseBsn(input: string): Result<string, IdentifierProblem> {
  return normaliseElevenTestNumber(input);
}

/** An RSIN: the same number space and 11-proef as the BSN, so the same rules apply. */
export function normaliseRsin(input: string): Result<string, IdentifierProblem> {
  return normaliseElevenTestNumber(input);
}

function normaliseElevenTestNumber(input: string): Result<string, IdentifierProblem> {
  const compact = stripSeparators(input);
  if (compact === "") return fail("empty");
  if (!/^\d+$/.test(compact)) return fail("not-digits");
  const digits = compact.length === 8 ? `0${compact}` : compact;
  if (digits.length !== 9) return fail("wrong-length");
  if (!passesElevenTest(digits)) return fail("fails-eleven-test");
  return ok(digits);
}
