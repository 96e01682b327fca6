import { createHmac } from "node:crypto";
import { signaturesMatch } from "../signatures";

/** `X-Hub-Signature-256`: "sha256=" + hex HMAC-SHA256 of the raw body with the app secret. */
export function whatsappSignature(appSecret: string, rawBody: Uint8Array): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

export function verifyWhatsappSignature(appSecret: string, rawBody: Uint8Array, given: string | undefined) {
  return given !== undefined && signaturesMatch(whatsappSignature(appSecret, rawBody), given.trim());
}
