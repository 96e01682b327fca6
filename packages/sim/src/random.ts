/** A seeded source of uniform numbers in [0, 1). Everything the generator draws comes from one of these. */
export type Rng = () => number;

/** sfc32: small, fast, and good enough for simulation; the same seed always gives the same stream. */
export function createRng(seed: number | string): Rng {
  let [a, b, c, d] = hashSeed(String(seed));
  const rng = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  // The first outputs of sfc32 still resemble the seed; discard them.
  for (let i = 0; i < 15; i++) rng();
  return rng;
}

/** A new, independent stream derived from this one and a label, so sub-generators do not share draws. */
export function forkRng(rng: Rng, label: string): Rng {
  return createRng(`${label}:${uint32(rng)}:${uint32(rng)}`);
}

/** cyrb128: spreads a string seed over 128 bits of state. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function uint32(rng: Rng): number {
  return Math.floor(rng() * 4294967296);
}

/** An integer in [min, max], both inclusive. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function between(rng: Rng, min: number, max: number): number {
  return min + rng() * (max - min);
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks a key with probability proportional to its weight; zero and negative weights never win. */
export function weightedPick<K extends string>(rng: Rng, weights: Readonly<Partial<Record<K, number>>>): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  let total = 0;
  for (const [, weight] of entries) total += Math.max(0, weight);
  if (total <= 0) throw new Error("weightedPick needs a positive weight");
  let point = rng() * total;
  for (const [key, weight] of entries) {
    point -= Math.max(0, weight);
    if (point < 0) return key;
  }
  return (entries.findLast(([, weight]) => weight > 0) as [K, number])[0];
}

export function weightedItem<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  let total = 0;
  for (const item of items) total += Math.max(0, weight(item));
  if (total <= 0) return pick(rng, items);
  let point = rng() * total;
  for (const item of items) {
    point -= Math.max(0, weight(item));
    if (point < 0) return item;
  }
  return items[items.length - 1] as T;
}

/** Approximately normal (Irwin-Hall of four uniforms): bounded tails, which suit human behaviour. */
export function normal(rng: Rng, mean: number, sd: number): number {
  const sum = rng() + rng() + rng() + rng();
  return mean + (sum - 2) * sd * Math.sqrt(3);
}

/** Right-skewed durations: most are short, a few are very long. `median` is in the caller's unit. */
export function logNormal(rng: Rng, median: number, spread: number): number {
  return median * Math.exp(normal(rng, 0, spread));
}

export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(normal(rng, mean, Math.sqrt(mean))));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = rng();
  while (product > limit) {
    count++;
    product *= rng();
  }
  return count;
}

/** Shuffles a copy (Fisher-Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function hex(rng: Rng, length: number): string {
  let out = "";
  while (out.length < length) out += uint32(rng).toString(16).padStart(8, "0");
  return out.slice(0, length);
}

/** A version-4-shaped UUID drawn from the stream, so the same seed yields the same ids. */
export function seededUuid(rng: Rng): string {
  const h = hex(rng, 32).split("");
  h[12] = "4";
  h[16] = "89ab"[Number.parseInt(h[16] as string, 16) & 3] as string;
  const s = h.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
