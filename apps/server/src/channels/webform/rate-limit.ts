/**
 * A small token bucket per client address. It lives in this process only: with several server
 * processes each keeps its own count, so the effective limit is per process (documented in the README).
 */
export function tokenBucket(options: { capacity: number; refillPerSecond: number; maxKeys?: number }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    take(key: string, now: Date): boolean {
      const t = now.getTime();
      const bucket = buckets.get(key) ?? { tokens: options.capacity, at: t };
      const refilled = Math.min(
        options.capacity,
        bucket.tokens + (Math.max(0, t - bucket.at) / 1000) * options.refillPerSecond,
      );
      const allowed = refilled >= 1;
      buckets.delete(key);
      buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: t });
      // Oldest first: a flood of new addresses cannot grow the map without bound.
      while (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest === undefined) break;
        buckets.delete(oldest);
      }
      return allowed;
    },
  };
}
