// A fixed, invertible shuffle of the numbers 0 .. 2^bits - 1, so that consecutive questions do not
// get consecutive-looking references. It is obfuscation, not secrecy: the code is open and anyone
// can undo it. That is fine, because a reference grants nothing (DESIGN §5: a quoted reference
// from someone who is not on the question only yields a suggestion).
//
// The rounds follow the SplitMix64 finaliser (add, xor-shift, multiply by an odd constant), cut to
// `bits`: each step is a bijection modulo 2^bits, so the whole is one too.

const SEEDS = {
  offset: 0x94d049bb133111ebn,
  first: 0x9e3779b97f4a7c15n,
  second: 0xbf58476d1ce4e5b9n,
} as const;

type Rounds = {
  mask: bigint;
  offset: bigint;
  first: bigint;
  second: bigint;
  firstInverse: bigint;
  secondInverse: bigint;
  wideShift: bigint;
  narrowShift: bigint;
};

const roundsByWidth = new Map<number, Rounds>();

export function scramble(value: bigint, bits: number): bigint {
  const r = roundsFor(bits);
  let x = (value + r.offset) & r.mask;
  x ^= x >> r.wideShift;
  x = (x * r.first) & r.mask;
  x ^= x >> r.narrowShift;
  x = (x * r.second) & r.mask;
  x ^= x >> r.wideShift;
  return x;
}

export function unscramble(value: bigint, bits: number): bigint {
  const r = roundsFor(bits);
  let x = undoXorShift(value, r.wideShift, bits);
  x = (x * r.secondInverse) & r.mask;
  x = undoXorShift(x, r.narrowShift, bits);
  x = (x * r.firstInverse) & r.mask;
  x = undoXorShift(x, r.wideShift, bits);
  return (x - r.offset) & r.mask;
}

function roundsFor(bits: number): Rounds {
  const cached = roundsByWidth.get(bits);
  if (cached) return cached;
  if (!Number.isInteger(bits) || bits < 4) throw new RangeError(`Cannot scramble ${bits} bits`);
  const mask = (1n << BigInt(bits)) - 1n;
  const first = widen(SEEDS.first, bits) | 1n;
  const second = widen(SEEDS.second, bits) | 1n;
  const rounds: Rounds = {
    mask,
    offset: widen(SEEDS.offset, bits),
    first,
    second,
    firstInverse: inverseOfOdd(first, bits),
    secondInverse: inverseOfOdd(second, bits),
    wideShift: BigInt(Math.ceil(bits / 2)),
    narrowShift: BigInt(Math.ceil(bits / 3)),
  };
  roundsByWidth.set(bits, rounds);
  return rounds;
}

/** The 64-bit seed repeated to fill `bits` bits. */
function widen(seed: bigint, bits: number): bigint {
  let value = 0n;
  for (let filled = 0; filled < bits; filled += 64) value = (value << 64n) | seed;
  return value & ((1n << BigInt(bits)) - 1n);
}

/** The inverse of an odd number modulo 2^bits, by Newton's iteration (each step doubles the correct bits). */
function inverseOfOdd(odd: bigint, bits: number): bigint {
  const mask = (1n << BigInt(bits)) - 1n;
  let inverse = odd; // correct to 3 bits, since odd * odd = 1 (mod 8)
  for (let correct = 3; correct < bits; correct *= 2) inverse = (inverse * (2n - odd * inverse)) & mask;
  return inverse;
}

function undoXorShift(value: bigint, shift: bigint, bits: number): bigint {
  let x = value;
  for (let known = Number(shift); known < bits; known += Number(shift)) x = value ^ (x >> shift);
  return x;
}
