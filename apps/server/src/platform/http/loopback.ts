/**
 * Whether a client's socket address is this computer itself: 127.0.0.0/8, ::1, or either mapped into
 * IPv6 (::ffff:127.0.0.1). Proxy headers are never looked at: a request forwarded by a proxy on this
 * computer counts as loopback, so pages guarded by this must not be put behind one.
 */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address.trim().toLowerCase();
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const v4 = a.startsWith("::ffff:") ? a.slice("::ffff:".length) : a;
  const octets = v4.split(".");
  return (
    octets.length === 4 && octets[0] === "127" && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
  );
}
