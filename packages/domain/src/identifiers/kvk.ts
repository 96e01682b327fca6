import { fail, ok, type Result } from "../result";
import type { IdentifierProblem } from "./problems";
import { stripSeparators } from "./separators";

/**
 * A KvK-nummer: exactly eight digits. KvK publishes no check digit, so none is applied, and a
 * shorter number is not padded: leading zeros are part of the number.
 */
export function normaliseKvk(input: string): Result<string, IdentifierProblem> {
  return normaliseDigits(input, 8);
}

/** A KvK vestigingsnummer (branch number): exactly twelve digits, no check digit. */
export function normaliseVestigingsnummer(input: string): Result<string, IdentifierProblem> {
  return normaliseDigits(input, 12);
}

function normaliseDigits(input: string, length: number): Result<string, IdentifierProblem> {
  const digits = stripSeparators(input);
  if (digits === "") return fail("empty");
  if (!/^\d+$/.test(digits)) return fail("not-digits");
  if (digits.length !== length) return fail("wrong-length");
  return ok(digits);
}
