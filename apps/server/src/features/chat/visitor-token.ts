import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

/** A random bearer token for one chat; only its hash is stored. */
export function newVisitorToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: sha256(token) };
}

export function tokenMatches(storedHash: string, token: string): boolean {
  const given = Buffer.from(sha256(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Email codes: six digits, stored as a hash bound to the session so a hash is useless elsewhere. */
export function newEmailCode(): string {
  return (randomBytes(4).readUInt32BE(0) % 1_000_000).toString().padStart(6, "0");
}

export function hashEmailCode(sessionId: string, code: string): string {
  return sha256(`${sessionId}:${code}`);
}
