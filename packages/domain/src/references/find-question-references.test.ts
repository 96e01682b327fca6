import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { findQuestionReferences } from "./find-question-references";
import { formatQuestionReference, parseQuestionReference } from "./question-reference";

const a = formatQuestionReference(1_001);
const b = formatQuestionReference(2_002);

function withBadCheck(reference: string): string {
  const last = reference.at(-1) === "2" ? "3" : "2";
  return `${reference.slice(0, -1)}${last}`;
}

function firstReference(matches: (reference: string) => boolean): string {
  for (let sequence = 0; ; sequence++) {
    const reference = formatQuestionReference(sequence);
    if (matches(reference)) return reference;
  }
}

describe("findQuestionReferences", () => {
  it("finds a reference in an email subject", () => {
    assert.deepEqual(findQuestionReferences(`Re: uw vraag ${a}`), [a]);
    assert.deepEqual(findQuestionReferences(`[${a}] Re: Fw: afspraak`), [a]);
    assert.deepEqual(findQuestionReferences(`Zie ${a}.`), [a]);
  });

  it("finds references written in lower case or without dashes when their groups hold digits", () => {
    const reference = firstReference((candidate) => /^V-\w*\d\w*-\w*\d\w*$/.test(candidate));
    const compact = reference.replaceAll("-", "");
    assert.deepEqual(findQuestionReferences(`kenmerk ${reference.toLowerCase()}`), [reference]);
    assert.deepEqual(findQuestionReferences(`kenmerk ${compact}`), [reference]);
    assert.deepEqual(findQuestionReferences(`kenmerk ${reference.replaceAll("-", " ")}`), [reference]);
  });

  it("finds references without digits when they keep their dashes and capitals", () => {
    const reference = firstReference((candidate) => !/\d/.test(candidate));
    assert.deepEqual(findQuestionReferences(`vraag ${reference} graag`), [reference]);
  });

  it("returns every reference once, in order of appearance", () => {
    assert.deepEqual(findQuestionReferences(`${b} en ${a}, ook ${b} ${a}`), [b, a]);
  });

  it("is not fooled by the word that follows", () => {
    assert.deepEqual(findQuestionReferences(`${a} BEDANKT`).at(0), a);
    assert.deepEqual(findQuestionReferences(`${a} bedankt`), [a]);
    assert.deepEqual(findQuestionReferences(`${a}-ABC`).at(0), a);
  });

  it("skips references with a bad check character and references inside words", () => {
    assert.deepEqual(findQuestionReferences(`uw vraag ${withBadCheck(a)}`), []);
    assert.deepEqual(findQuestionReferences(`X${a}`), []);
    assert.deepEqual(findQuestionReferences(`2${a}`), []);
  });

  it("finds nothing in ordinary Dutch text", () => {
    const text = `Verkeerd verzekerd? VERKEERD VERZEKERD. Vandaag heb ik een vraag over de verhuizing,
      want mijn vergunning is verlopen. Vriendelijke groet, V. de Vries, Verbeterstraat 12, V-snaar`;
    assert.deepEqual(findQuestionReferences(text), []);
  });

  it("finds every embedded reference, and everything it finds parses", () => {
    const words = fc.constantFrom(
      "Re:",
      "uw",
      "vraag",
      "bedankt",
      "V.",
      "groet",
      "-",
      "…",
      "(zie",
      "06-12345678",
    );
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 6 }),
        fc.bigInt({ min: 0n, max: 2n ** 80n }),
        fc.array(words, { maxLength: 6 }),
        (before, sequence, after) => {
          const reference = formatQuestionReference(sequence);
          const found = findQuestionReferences([...before, reference, ...after].join(" "));
          assert.ok(found.includes(reference));
          for (const text of found) assert.ok(parseQuestionReference(text).ok);
        },
      ),
    );
  });
});

describe("findQuestionReferences on hostile text", () => {
  it("stays fast on text made of Vs and symbols", () => {
    const started = performance.now();
    findQuestionReferences("V 2 ".repeat(50_000));
    findQuestionReferences(`V${"2".repeat(200_000)}`);
    findQuestionReferences("V-".repeat(100_000));
    assert.ok(performance.now() - started < 2_000);
  });

  it("does not read a cut-off word as a reference", () => {
    const reference = formatQuestionReference(5);
    const body = reference.replace(/^V-/, "").replaceAll("-", "");
    assert.deepEqual(findQuestionReferences(`V-${body}${"2".repeat(200)}`), []);
  });
});
