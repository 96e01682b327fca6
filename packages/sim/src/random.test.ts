import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chance, createRng, forkRng, int, normal, pick, seededUuid, shuffle, weightedPick } from "./random";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("random", () => {
  it("gives the same stream for the same seed and another for another seed", () => {
    const a = createRng("voorbeeld");
    const b = createRng("voorbeeld");
    const c = createRng("voorbeeld2");
    const draws = (rng: () => number) => Array.from({ length: 20 }, () => rng());
    const first = draws(a);
    assert.deepEqual(first, draws(b));
    assert.notDeepEqual(first, draws(c));
    assert.ok(first.every((x) => x >= 0 && x < 1));
  });

  it("makes version-4 UUIDs that repeat per seed and do not collide", () => {
    const rng = createRng(1);
    const ids = Array.from({ length: 20_000 }, () => seededUuid(rng));
    for (const id of ids) assert.match(id, UUID_V4);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(seededUuid(createRng(5)), seededUuid(createRng(5)));
  });

  it("keeps helpers inside their ranges", () => {
    const rng = createRng("helpers");
    for (let i = 0; i < 2000; i++) {
      const n = int(rng, 3, 7);
      assert.ok(Number.isInteger(n) && n >= 3 && n <= 7);
    }
    assert.equal(pick(rng, ["only"]), "only");
    assert.equal(weightedPick(rng, { never: 0, always: 2 }), "always");
    assert.deepEqual(shuffle(rng, [1, 2, 3, 4, 5]).sort(), [1, 2, 3, 4, 5]);
    assert.equal(chance(rng, 0), false);
    assert.equal(chance(rng, 1), true);
    const mean = Array.from({ length: 5000 }, () => normal(rng, 10, 2)).reduce((a, b) => a + b) / 5000;
    assert.ok(Math.abs(mean - 10) < 0.2, `mean ${mean}`);
  });

  it("forks independent streams deterministically", () => {
    const x = forkRng(createRng(9), "population");
    const y = forkRng(createRng(9), "population");
    const z = forkRng(createRng(9), "simulation");
    assert.equal(x(), y());
    assert.notEqual(forkRng(createRng(9), "population")(), z());
  });
});
