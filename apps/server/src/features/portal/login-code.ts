import { createHash, randomInt, timingSafeEqual } from "node:crypto";

/** A login code is valid this long. */
export const LOGIN_CODE_TTL_MS = 10 * 60_000;
/** Wrong codes allowed per code; then the code is spent and a new one is needed. */
export const MAX_LOGIN_CODE_ATTEMPTS = 5;
/** Codes one address may receive per hour (with five attempts each: at most 25 guesses an hour). */
export const MAX_LOGIN_CODES_PER_HOUR = 5;
/** How long a resident stays logged in. */
export const PORTAL_SESSION_TTL_MS = 60 * 60_000;

export function newLoginCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** Only this hash is stored: bound to the code's row, so equal codes of two rows differ. */
export function hashLoginCode(codeId: string, code: string): string {
  return createHash("sha256").update(`portal-login|${codeId}|${code}`).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
