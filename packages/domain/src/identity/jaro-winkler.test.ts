import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { jaroWinkler } from "./jaro-winkler";

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 0.001, `${actual}`);

describe("jaroWinkler", () => {
  it("matches the textbook values", () => {
    close(jaroWinkler("martha", "marhta"), 0.961);
    close(jaroWinkler("dwayne", "duane"), 0.84);
    close(jaroWinkler("dixon", "dicksonx"), 0.813);
  });

  it("is 1 for equal strings and 0 for strings with nothing in common", () => {
    assert.equal(jaroWinkler("", ""), 1);
    assert.equal(jaroWinkler("abc", ""), 0);
    assert.equal(jaroWinkler("abc", "xyz"), 0);
  });

  it("stays between 0 and 1 and is symmetric", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const score = jaroWinkler(a, b);
        assert.ok(score >= 0 && score <= 1 + 1e-12);
        close(score, jaroWinkler(b, a));
      }),
    );
  });
});
