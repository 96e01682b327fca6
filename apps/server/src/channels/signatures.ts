import { timingSafeEqual } from "node:crypto";

/** Compares two signatures without leaking through timing how much of them matched. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
