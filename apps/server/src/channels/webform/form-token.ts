import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** How long a rendered form may be sent: long enough to write a careful question. */
export const FORM_TOKEN_TTL_MS = 4 * 3_600_000;
const CLOCK_SKEW_MS = 60_000;

function mac(secret: string, scope: string, issuedAt: string, nonce: string): string {
  return createHmac("sha256", secret).update(`webform|${scope}|${issuedAt}|${nonce}`).digest("base64url");
}

/**
 * A signed, time-limited token in the form's hidden field. Its nonce identifies the submission, so a
 * double submit of the same rendered form lands once. `scope` binds it to one municipality's form.
 */
export function createFormToken(secret: string, scope: string, now: Date): string {
  const issuedAt = now.getTime().toString(36);
  const nonce = randomBytes(16).toString("base64url");
  return `${issuedAt}.${nonce}.${mac(secret, scope, issuedAt, nonce)}`;
}

/** The token's nonce when it is ours, for this form and still fresh; otherwise null. */
export function verifyFormToken(secret: string, scope: string, token: string, now: Date): string | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [issuedAt = "", nonce = "", given = ""] = parts;
  if (!/^[0-9a-z]{1,12}$/.test(issuedAt) || !/^[\w-]{22}$/.test(nonce)) return null;
  const expected = Buffer.from(mac(secret, scope, issuedAt, nonce));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const age = now.getTime() - Number.parseInt(issuedAt, 36);
  if (age > FORM_TOKEN_TTL_MS || age < -CLOCK_SKEW_MS) return null;
  return nonce;
}
