import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runCli } from "../test-support/processes";

describe("omniloket classifier evaluate", () => {
  it("prints precision, recall and F1 per topic, the macro-F1, confusions and language accuracy", {
    timeout: 60_000,
  }, async () => {
    const output = await runCli(["classifier", "evaluate"], { DATABASE_URL: "" });
    assert.match(output, /^afval\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}\s+\d+$/m);
    assert.match(output, /^zorg-wmo\s+\d\.\d{3}/m);
    const macroF1 = Number(output.match(/macro-F1: (\d\.\d{3})/)?.[1]);
    assert.ok(macroF1 >= 0.55, output);
    assert.match(output, /Meest voorkomende verwisselingen/);
    assert.match(output, /^ {2}\S+ → \S+: \d+$/m);
    for (const language of ["nl", "en", "pl", "tr", "ar"]) {
      assert.match(output, new RegExp(`^  ${language}: \\d+/\\d+ \\(\\d\\.\\d{3}\\)$`, "m"));
    }
  });
});
