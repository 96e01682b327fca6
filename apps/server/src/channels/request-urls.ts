import type { Context } from "hono";

/**
 * The URLs a provider may have signed: the one we received, and the public one a reverse proxy
 * reports (providers sign the URL they called, not the one the proxy forwards to).
 */
export function signedUrlCandidates(c: Context): string[] {
  const received = new URL(c.req.url);
  const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim();
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  if (!host && !proto) return [received.toString()];
  const forwarded = new URL(received.toString());
  if (proto === "http" || proto === "https") forwarded.protocol = `${proto}:`;
  if (host) {
    forwarded.host = host;
    // Setting a host without a port keeps the old port; the public URL has none of ours.
    if (!host.includes(":")) forwarded.port = "";
  }
  return [received.toString(), forwarded.toString()];
}
