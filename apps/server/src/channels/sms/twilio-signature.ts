import { createHmac } from "node:crypto";
import { signaturesMatch } from "../signatures";

/** Twilio's request signature: HMAC-SHA1 over the full URL plus each POST parameter, sorted by name. */
export function twilioSignature(authToken: string, url: string, params: Array<[string, string]>): string {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  const data = url + sorted.map(([name, value]) => name + value).join("");
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function verifyTwilioSignature(
  authToken: string,
  urls: string[],
  params: Array<[string, string]>,
  given: string | undefined,
): boolean {
  if (!given) return false;
  return urls.some((url) => signaturesMatch(twilioSignature(authToken, url, params), given));
}
