import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createDb } from "./create-db";
import { acquireDataDirLock, DataDirLockedError, lockFileName } from "./lockfile";

describe("embedded data-directory lock", () => {
  it("clears a stale lock left by a dead process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "omniloket-lock-"));
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((r) => dead.on("exit", r));
    writeFileSync(
      join(dir, lockFileName),
      JSON.stringify({ pid: dead.pid, startedAt: new Date().toISOString() }),
    );
    const lock = acquireDataDirLock(dir);
    assert.equal(JSON.parse(readFileSync(join(dir, lockFileName), "utf8")).pid, process.pid);
    lock.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a directory a live process holds, with a clear message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "omniloket-lock-"));
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(
        join(dir, lockFileName),
        JSON.stringify({ pid: holder.pid, startedAt: new Date().toISOString() }),
      );
      await assert.rejects(createDb({ kind: "embedded", dataDir: dir }), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, /in gebruik door een ander Omniloket-proces/);
        return true;
      });
    } finally {
      holder.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("opens on disk, keeps data across a reopen and releases the lock on close", async () => {
    const dir = mkdtempSync(join(tmpdir(), "omniloket-lock-"));
    const first = await createDb({ kind: "embedded", dataDir: dir });
    await first.query("CREATE TABLE kept (n int)");
    await first.query("INSERT INTO kept VALUES (42)");
    await first.close();
    const second = await createDb({ kind: "embedded", dataDir: dir });
    assert.deepEqual(await second.query("SELECT n FROM kept"), [{ n: 42 }]);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
