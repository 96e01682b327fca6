import fc from "fast-check";

/** Nine-digit numbers that pass the 11-proef, built by computing the last digit. */
export const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const sum = digits.reduce((total, digit, i) => total + (9 - i) * digit, 0);
    return { digits, last: sum % 11 };
  })
  .filter(({ digits, last }) => last < 10 && digits.some((d) => d !== 0))
  .map(({ digits, last }) => `${digits.join("")}${last}`);
