import { fail, ok, type Result } from "../result";
import {
  BITS_PER_SYMBOL,
  decodeSymbols,
  encodeSymbols,
  symbolOf,
  symbolValue,
  upperCaseAscii,
} from "./alphabet";
import { checkValue, hasValidCheck } from "./check-character";
import { scramble, unscramble } from "./permutation";

// Format: "V-" followed by the body (payload symbols, then one check symbol) in groups of at most
// four, as even as possible with the longer groups first: V-7K3-M9Q, V-7K3M-9QX, V-7K3M-9QXA,
// V-7K3-M9Q-XA2. "V" stands for vraag; it is required when parsing, because V is also a symbol.
//
// Sequence numbers fill blocks by payload length: 5 symbols for the first 32^5 (33.5 million)
// questions, 6 for the next 32^6, and so on, so references never run out and never collide
// (different lengths are different strings; within a block the shuffle is a bijection).

export const REFERENCE_PREFIX = "V";
export const MIN_PAYLOAD_LENGTH = 5;
// 60 symbols = 300 bits: far beyond any real sequence, but it bounds the work parsing does on
// untrusted text.
export const MAX_PAYLOAD_LENGTH = 60;

export type ReferenceProblem = "invalid-format" | "bad-check-character";

export type ParsedQuestionReference = { reference: string; sequence: bigint };

/**
 * The reference for a question's sequence number (0, 1, 2, …).
 *
 * @example formatQuestionReference(1n) // "V-" + 6 symbols in two groups of three
 */
export function formatQuestionReference(sequence: bigint | number): string {
  const value = toSequence(sequence);
  const { length, start } = blockOf(value);
  const bits = length * BITS_PER_SYMBOL;
  const payload = encodeSymbols(scramble(value - start, bits), length);
  const check = symbolOf(checkValue([...payload].map((symbol) => symbolValue(symbol) ?? 0)));
  return display(payload + check);
}

/**
 * Reads a reference as a person typed or said it: case does not matter, and spaces and dashes are
 * optional ("v 7k3m 9qx"). Symbols outside the alphabet (0, O, 1, I) are rejected, not guessed.
 */
export function parseQuestionReference(text: string): Result<ParsedQuestionReference, ReferenceProblem> {
  const compact = upperCaseAscii(text.replace(/[\s\-\u2010-\u2015]/g, ""));
  if (!compact.startsWith(REFERENCE_PREFIX)) return fail("invalid-format");
  const body = compact.slice(REFERENCE_PREFIX.length);
  const payloadLength = body.length - 1;
  if (payloadLength < MIN_PAYLOAD_LENGTH || payloadLength > MAX_PAYLOAD_LENGTH) return fail("invalid-format");
  const values: number[] = [];
  for (const symbol of body) {
    const value = symbolValue(symbol);
    if (value === undefined) return fail("invalid-format");
    values.push(value);
  }
  if (!hasValidCheck(values)) return fail("bad-check-character");
  const bits = payloadLength * BITS_PER_SYMBOL;
  const offset = unscramble(decodeSymbols(values.slice(0, payloadLength)), bits);
  return ok({ reference: display(body), sequence: blockStart(payloadLength) + offset });
}

function toSequence(sequence: bigint | number): bigint {
  if (typeof sequence === "number" && !Number.isSafeInteger(sequence)) {
    throw new RangeError(`A sequence number must be a safe integer, got ${sequence}`);
  }
  const value = BigInt(sequence);
  if (value < 0n) throw new RangeError(`A sequence number cannot be negative, got ${value}`);
  return value;
}

function blockOf(sequence: bigint): { length: number; start: bigint } {
  let length = MIN_PAYLOAD_LENGTH;
  let start = 0n;
  for (;;) {
    const size = 1n << BigInt(length * BITS_PER_SYMBOL);
    if (sequence < start + size) return { length, start };
    if (length === MAX_PAYLOAD_LENGTH) throw new RangeError(`Sequence number ${sequence} is too large`);
    start += size;
    length++;
  }
}

function blockStart(length: number): bigint {
  let start = 0n;
  for (let shorter = MIN_PAYLOAD_LENGTH; shorter < length; shorter++) {
    start += 1n << BigInt(shorter * BITS_PER_SYMBOL);
  }
  return start;
}

function display(body: string): string {
  const groupCount = Math.ceil(body.length / 4);
  const base = Math.floor(body.length / groupCount);
  const longer = body.length % groupCount;
  const groups: string[] = [];
  let at = 0;
  for (let i = 0; i < groupCount; i++) {
    const size = i < longer ? base + 1 : base;
    groups.push(body.slice(at, at + size));
    at += size;
  }
  return [REFERENCE_PREFIX, ...groups].join("-");
}
