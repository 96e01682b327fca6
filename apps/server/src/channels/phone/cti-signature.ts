import { createHmac } from "node:crypto";
import { signaturesMatch } from "../signatures";

/** `X-Omniloket-Signature`: "sha256=" + hex HMAC-SHA256 of the raw body with the tenant's CTI secret. */
export function ctiSignature(secret: string, rawBody: Uint8Array): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

export function verifyCtiSignature(secret: string, rawBody: Uint8Array, given: string | undefined): boolean {
  return given !== undefined && signaturesMatch(ctiSignature(secret, rawBody), given.trim());
}
