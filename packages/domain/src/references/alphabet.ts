// 32 symbols, so each carries exactly 5 bits. 0/O and 1/I are left out because they are
// confused when read aloud or from paper.
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

export const BITS_PER_SYMBOL = 5;

const VALUES = new Map([...REFERENCE_ALPHABET].map((symbol, value) => [symbol, value]));
const VALUES_IGNORING_CASE = new Map([
  ...VALUES,
  ...[...VALUES].map(([symbol, value]) => [symbol.toLowerCase(), value] as const),
]);

/** The value 0..31 of an upper-case symbol, or undefined when it is not in the alphabet. */
export function symbolValue(symbol: string): number | undefined {
  return VALUES.get(symbol);
}

/** Like symbolValue, but also for lower-case ASCII letters. */
export function symbolValueIgnoringCase(symbol: string): number | undefined {
  return VALUES_IGNORING_CASE.get(symbol);
}

export function isDigitSymbol(value: number): boolean {
  return /\d/.test(REFERENCE_ALPHABET[value] ?? "");
}

export function symbolOf(value: number): string {
  const symbol = REFERENCE_ALPHABET[value];
  if (symbol === undefined) throw new RangeError(`No reference symbol for value ${value}`);
  return symbol;
}

/** Writes `value` as exactly `length` symbols, most significant first. */
export function encodeSymbols(value: bigint, length: number): string {
  let rest = value;
  let text = "";
  for (let i = 0; i < length; i++) {
    text = symbolOf(Number(rest & 31n)) + text;
    rest >>= 5n;
  }
  return text;
}

export function decodeSymbols(values: readonly number[]): bigint {
  let value = 0n;
  for (const symbol of values) value = (value << 5n) | BigInt(symbol);
  return value;
}

/** Upper-cases ASCII letters only, so that no other character can turn into a symbol ("ß" → "SS"). */
export function upperCaseAscii(text: string): string {
  return text.replace(/[a-z]/g, (letter) => letter.toUpperCase());
}
