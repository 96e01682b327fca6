import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { REFERENCE_ALPHABET } from "./alphabet";
import { formatQuestionReference, parseQuestionReference } from "./question-reference";

const FIRST_BLOCK = 32n ** 5n;
const anySequence = fc.oneof(
  fc.bigInt({ min: 0n, max: FIRST_BLOCK - 1n }),
  fc.bigInt({ min: FIRST_BLOCK - 100n, max: FIRST_BLOCK + 100n }),
  fc.bigInt({ min: 0n, max: 2n ** 256n }),
);

function compact(reference: string): string {
  return reference.replaceAll("-", "");
}

describe("formatQuestionReference", () => {
  it("writes V, then groups of at most four symbols from the alphabet", () => {
    const reference = formatQuestionReference(1);
    assert.match(reference, /^V-[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/);
    assert.match(formatQuestionReference(FIRST_BLOCK), /^V-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{3}$/);
    assert.match(
      formatQuestionReference(10n ** 12n),
      /^V-[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$/,
    );
  });

  it("is deterministic and accepts numbers and bigints alike", () => {
    assert.equal(formatQuestionReference(42), formatQuestionReference(42n));
    assert.equal(formatQuestionReference(42), formatQuestionReference(42));
  });

  it("grows by one symbol per block, so it never runs out", () => {
    assert.equal(compact(formatQuestionReference(FIRST_BLOCK - 1n)).length, 1 + 5 + 1);
    assert.equal(compact(formatQuestionReference(FIRST_BLOCK)).length, 1 + 6 + 1);
    assert.equal(compact(formatQuestionReference(FIRST_BLOCK + 32n ** 6n)).length, 1 + 7 + 1);
  });

  it("rejects negative and non-integer sequence numbers", () => {
    assert.throws(() => formatQuestionReference(-1), RangeError);
    assert.throws(() => formatQuestionReference(-1n), RangeError);
    assert.throws(() => formatQuestionReference(1.5), RangeError);
    assert.throws(() => formatQuestionReference(Number.NaN), RangeError);
  });

  it("is injective over a range and across a block boundary", () => {
    const seen = new Set<string>();
    let count = 0;
    for (const [from, to] of [
      [0n, 20_000n],
      [FIRST_BLOCK - 2_000n, FIRST_BLOCK + 2_000n],
    ] as const) {
      for (let sequence = from; sequence < to; sequence++) {
        seen.add(formatQuestionReference(sequence));
        count++;
      }
    }
    assert.equal(seen.size, count);
  });

  it("does not make consecutive numbers look consecutive", () => {
    let sharedPrefixes = 0;
    for (let sequence = 1n; sequence <= 1_000n; sequence++) {
      const a = compact(formatQuestionReference(sequence - 1n));
      const b = compact(formatQuestionReference(sequence));
      if (a.slice(0, 4) === b.slice(0, 4)) sharedPrefixes++;
    }
    assert.ok(sharedPrefixes < 10, `${sharedPrefixes} consecutive pairs share their first symbols`);
  });
});

describe("parseQuestionReference", () => {
  it("round-trips any sequence number, including very large ones", () => {
    fc.assert(
      fc.property(anySequence, (sequence) => {
        const reference = formatQuestionReference(sequence);
        assert.deepEqual(parseQuestionReference(reference), { ok: true, value: { reference, sequence } });
      }),
    );
  });

  it("tolerates case, spaces and missing dashes", () => {
    const reference = formatQuestionReference(123_456);
    const spoken = compact(reference).toLowerCase().split("").join(" ");
    for (const variant of [
      compact(reference),
      reference.toLowerCase(),
      ` ${spoken} `,
      reference.replaceAll("-", "\u2013"),
    ]) {
      assert.deepEqual(parseQuestionReference(variant), {
        ok: true,
        value: { reference, sequence: 123_456n },
      });
    }
  });

  it("rejects symbols outside the alphabet instead of guessing", () => {
    const reference = compact(formatQuestionReference(7));
    for (const lookalike of ["0", "O", "1", "I", "o", "i"]) {
      assert.deepEqual(parseQuestionReference(`${reference.slice(0, 3)}${lookalike}${reference.slice(4)}`), {
        ok: false,
        problem: "invalid-format",
      });
    }
  });

  it("rejects a missing prefix, a short body and unrelated text", () => {
    const reference = compact(formatQuestionReference(7));
    for (const text of [
      "",
      "V",
      reference.slice(1),
      reference.slice(0, -1),
      "hallo",
      "V-ABCD-ẞ9",
      "Vß2345",
    ]) {
      assert.deepEqual(parseQuestionReference(text), { ok: false, problem: "invalid-format" }, text);
    }
    assert.deepEqual(parseQuestionReference(`V${"2".repeat(70)}`), { ok: false, problem: "invalid-format" });
  });

  it("rejects any single substitution", () => {
    fc.assert(
      fc.property(anySequence, fc.nat(), fc.constantFrom(...REFERENCE_ALPHABET), (sequence, at, symbol) => {
        const reference = compact(formatQuestionReference(sequence));
        const position = at % reference.length;
        fc.pre(reference[position] !== symbol);
        const mutated = `${reference.slice(0, position)}${symbol}${reference.slice(position + 1)}`;
        assert.equal(parseQuestionReference(mutated).ok, false, mutated);
      }),
    );
  });

  it("rejects any adjacent transposition", () => {
    fc.assert(
      fc.property(anySequence, fc.nat(), (sequence, at) => {
        const reference = compact(formatQuestionReference(sequence));
        const position = at % (reference.length - 1);
        const [a, b] = [reference[position], reference[position + 1]];
        fc.pre(a !== b);
        const mutated = `${reference.slice(0, position)}${b}${a}${reference.slice(position + 2)}`;
        assert.equal(parseQuestionReference(mutated).ok, false, mutated);
      }),
    );
  });
});
