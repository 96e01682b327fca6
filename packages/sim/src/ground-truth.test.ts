import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { writeGroundTruth } from "./ground-truth";
import { generateMunicipality } from "./simulate";

describe("writeGroundTruth", () => {
  it("writes life events, stuck residents and true topics to a separate JSON file", async () => {
    const g = generateMunicipality({ seed: "waarheid", residents: 150, months: 4 });
    const dir = await mkdtemp(join(tmpdir(), "omniloket-sim-"));
    try {
      const path = join(dir, "nested", "ground-truth.json");
      await writeGroundTruth(path, g);
      const written = JSON.parse(await readFile(path, "utf8"));
      assert.equal(written.seed, "waarheid");
      assert.equal(written.residents.length, g.groundTruth.residents.length);
      assert.equal(Object.keys(written.questions).length, g.questions.length);
      assert.equal(written.window.end, "2026-11-01T00:00:00.000Z");
      const withCases = written.residents.find((r: { cases: unknown[] }) => r.cases.length > 0);
      assert.ok(withCases.cases[0].trueTopicId);
      assert.ok(Array.isArray(withCases.stuckReasons));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
