import { createHmac, timingSafeEqual } from "node:crypto";

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed over is hard to get wrong. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Eight characters: 40 bits of the HMAC, far beyond guessing at a rate-limited form. */
export const FOLLOW_CODE_LENGTH = 8;

/**
 * The follow code of a question: with its reference it lets whoever asked follow the question without
 * logging in. Nothing is stored: it is an HMAC over (municipality, question id) with the server's form
 * secret, so changing OMNILOKET_FORM_SECRET makes every earlier follow code invalid.
 */
export function followCode(secret: string, tenantId: string, questionId: string): string {
  const mac = createHmac("sha256", secret).update(`follow|${tenantId}|${questionId}`).digest();
  let bits = 0;
  let value = 0;
  let code = "";
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && code.length < FOLLOW_CODE_LENGTH) {
      code += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (code.length === FOLLOW_CODE_LENGTH) break;
  }
  return code;
}

/** As shown to residents: "ABCD-EFGH". */
export function showFollowCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a resident typed, as a code: case, spaces and dashes do not matter; I and L read as 1, O as 0. */
export function normaliseFollowCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

/** Whether a typed code is this question's, compared in constant time. */
export function isFollowCode(secret: string, tenantId: string, questionId: string, typed: string): boolean {
  const given = Buffer.from(normaliseFollowCode(typed));
  const expected = Buffer.from(followCode(secret, tenantId, questionId));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
