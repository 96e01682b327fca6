import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A small value for a cookie, signed with the server's form secret so the browser can keep it but not
 * change it; it carries its own expiry. `purpose` keeps one kind of cookie from passing for another.
 * Signed, not encrypted: put nothing in it the browser's owner may not see.
 */
export function sealCookieValue(secret: string, purpose: string, payload: object, expiresAt: Date): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: expiresAt.getTime() })).toString("base64url");
  return `${body}.${mac(secret, purpose, body)}`;
}

/** The payload when the value is ours, for this purpose and not expired; otherwise null. */
export function openCookieValue<T extends object>(
  secret: string,
  purpose: string,
  value: string | undefined,
  now: Date,
): T | null {
  if (!value || value.length > 4096) return null;
  const [body = "", given = "", ...rest] = value.split(".");
  if (rest.length > 0) return null;
  const expected = Buffer.from(mac(secret, purpose, body));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T & { exp?: unknown };
    if (typeof payload.exp !== "number" || payload.exp <= now.getTime()) return null;
    return payload;
  } catch {
    return null;
  }
}

function mac(secret: string, purpose: string, body: string): string {
  return createHmac("sha256", secret).update(`portal-cookie|${purpose}|${body}`).digest("base64url");
}
