const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/**
 * The 11-proef in its BSN/RSIN variant (RvIG "Logisch Ontwerp BSN"): the weighted digit sum is a
 * multiple of 11. The weight -1 on the last digit keeps old bank-account numbers from passing.
 * Expects exactly nine digits; 000000000 is never valid.
 *
 * @example passesElevenTest("249566758") // true
 */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  if (digits === "000000000") return false;
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += weight * Number(digits[i]);
  return sum % 11 === 0;
}
