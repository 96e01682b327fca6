// The check character makes the weighted sum of all symbol values zero in GF(32), with weight
// alpha^k on the symbol k places from the right (the check character itself has weight 1).
//
// Why not Luhn mod 32 or integer weights mod 32: Luhn mod N misses the transposition of the
// symbols worth 0 and N-1 (like 09/90 in Luhn mod 10), and with integer weights mod 32 no pair of
// adjacent weights can both be units and differ by a unit. In the field GF(32) every non-zero
// weight is invertible, so:
// - a single substitution changes the sum by alpha^k (a - b), never 0 when a != b;
// - swapping neighbours a, b changes it by alpha^k (a - b)(alpha - 1), never 0 when a != b,
//   because alpha != 1. The same holds for swaps at any distance below 31 and for twin errors.
// alpha is x in GF(2)[x] / (x^5 + x^2 + 1), a primitive polynomial, so alpha has order 31.
const FIELD_POLYNOMIAL = 0b100101;

function timesAlpha(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ FIELD_POLYNOMIAL : shifted;
}

/** The value of the check symbol for the given payload symbol values. */
export function checkValue(payload: readonly number[]): number {
  let sum = 0;
  for (const value of payload) sum = timesAlpha(sum ^ value);
  return sum;
}

/** True when the body (payload followed by its check symbol) sums to zero. */
export function hasValidCheck(body: readonly number[]): boolean {
  let sum = 0;
  for (const value of body) sum = appendToCheckSum(sum, value);
  return sum === 0;
}

/**
 * The running sum of a body after one more symbol; a body is valid when its sum is 0. Lets a
 * scanner test every prefix of a run of symbols in one pass.
 */
export function appendToCheckSum(sum: number, value: number): number {
  return timesAlpha(sum) ^ value;
}
