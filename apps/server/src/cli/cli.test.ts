import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { freePort, runCli, startServerProcess, waitForExit } from "../test-support/processes";

describe("the omniloket command while a server holds the embedded data directory", () => {
  it("adds a municipality, an employee and a token through the running server's admin API", {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "omniloket-cli-"));
    const port = await freePort();
    const env = {
      OMNILOKET_DATA_DIR: dataDir,
      DATABASE_URL: "",
      PORT: String(port),
      OMNILOKET_DEMO: "0",
      LOG_LEVEL: "warn",
    };
    const { child } = await startServerProcess(env);
    try {
      assert.equal(
        statSync(join(dataDir, "admin.token")).mode & 0o777,
        0o600,
        "the local admin token is private to its user",
      );
      assert.match(
        await runCli(["tenant", "add", "--slug", "cli", "--name", "Gemeente Cli"], env),
        /Gemeente Cli \(cli\) toegevoegd/,
      );
      const added = await runCli(
        ["user", "add", "--email", "kcm@cli.test", "--name", "Kim KCM", "--role", "agent"],
        env,
      );
      const password = added.match(/Wachtwoord \(wordt niet opnieuw getoond\): (\S+)/)?.[1];
      assert.ok(password, added);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "kcm@cli.test", password }),
      });
      assert.equal(login.status, 201);
      const token = (await runCli(["token", "create", "--name", "crm"], env)).match(/olt_\S+/)?.[0];
      const me = await fetch(`http://127.0.0.1:${port}/api/v1/sessions/current`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(me.status, 200);
      // The admin token opens the admin API only.
      const adminToken = readFileSync(join(dataDir, "admin.token"), "utf8");
      const elsewhere = await fetch(`http://127.0.0.1:${port}/api/v1/residents/_search`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "test" }),
      });
      assert.equal(elsewhere.status, 401);
    } finally {
      child.kill("SIGTERM");
      await waitForExit(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("explains a wrong setting in Dutch instead of failing obscurely", async () => {
    await assert.rejects(runCli(["migrate"], { PORT: "abc" }), /Ongeldige waarde voor PORT/);
  });
});

describe("omniloket seed while a server holds the embedded data directory", () => {
  it("loads the demo through the server with progress", { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "omniloket-seed-"));
    const port = await freePort();
    const env = {
      OMNILOKET_DATA_DIR: dataDir,
      DATABASE_URL: "",
      PORT: String(port),
      OMNILOKET_DEMO: "0",
      LOG_LEVEL: "warn",
    };
    const { child } = await startServerProcess(env);
    try {
      const output = await runCli(["seed", "--residents", "60", "--months", "2", "--seed", "3"], env);
      assert.match(output, /laden: contacten/);
      assert.match(output, /Voorbeeldstad geladen: \d+ partijen, \d+ contacten/);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "agent@voorbeeldstad.demo", password: "voorbeeldstad-demo" }),
      });
      assert.equal(login.status, 201);
      await assert.rejects(runCli(["seed", "--residents", "60", "--months", "2"], env), /al geladen/);
    } finally {
      child.kill("SIGTERM");
      await waitForExit(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
