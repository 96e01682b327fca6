import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { directoryFileStore } from "./file-store";

describe("directory file store", () => {
  it("stores bytes once under their sha256 and reads them back", async () => {
    const root = mkdtempSync(join(tmpdir(), "omniloket-files-"));
    const store = directoryFileStore(root);
    const bytes = new TextEncoder().encode("Geachte heer, mevrouw, bijgaand mijn bezwaar.");
    const first = await store.put(bytes);
    const second = await store.put(bytes);
    assert.equal(first.sha256, createHash("sha256").update(bytes).digest("hex"));
    assert.deepEqual(second, first);
    assert.deepEqual(await store.get(first.sha256), Buffer.from(bytes));
    assert.equal(await store.get("../../etc/passwd"), null);
    assert.equal(
      readdirSync(join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4))).length,
      1,
      "no temporary files left",
    );
    rmSync(root, { recursive: true, force: true });
  });
});
