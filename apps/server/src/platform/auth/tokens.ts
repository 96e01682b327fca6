import { createHash, randomBytes } from "node:crypto";

/** Secrets are random, shown once, and stored only as their sha256. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
