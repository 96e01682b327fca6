import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { freePort, startServerProcess, waitForExit } from "../test-support/processes";

describe("omniloket start on a fresh data directory", () => {
  it("loads Voorbeeldstad once, serves it and lets a demo agent log in through the API", {
    timeout: 240_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "omniloket-start-"));
    const port = await freePort();
    const env = {
      OMNILOKET_DATA_DIR: dataDir,
      DATABASE_URL: "",
      PORT: String(port),
      LOG_LEVEL: "warn",
      OMNILOKET_DEMO: "",
      OMNILOKET_SMTP_RELAY_URL: "",
    };
    const children: ChildProcess[] = [];
    try {
      const first = await startServerProcess(env, 120_000);
      children.push(first.child);
      const output = first.output();
      assert.match(output, /Eerste start: de demogemeente Voorbeeldstad wordt geladen/);
      const password = output.match(/wachtwoord voor allemaal: (\S+)/)?.[1];
      assert.ok(password, output);
      assert.match(output, /agent@voorbeeldstad\.demo/);
      // Without an SMTP relay the demo's email goes to the demo mailbox, on this computer only.
      assert.match(
        output,
        new RegExp(
          `E-mail zonder e-mailserver: zie het demopostvak op http://127\\.0\\.0\\.1:${port}/demo/postvak`,
        ),
      );
      const mailbox = await fetch(`http://127.0.0.1:${port}/demo/postvak`);
      assert.equal(mailbox.status, 200);
      assert.match(await mailbox.text(), /Demopostvak/);

      const login = await fetch(`http://127.0.0.1:${port}/api/v1/sessions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "agent@voorbeeldstad.demo", password }),
      });
      assert.equal(login.status, 201);
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const search = await fetch(`http://127.0.0.1:${port}/api/v1/residents/_search`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
        body: JSON.stringify({ name: "de", limit: 5 }),
      });
      assert.equal(search.status, 200);
      assert.equal(
        ((await search.json()) as { items: unknown[] }).items.length,
        5,
        "the demo holds residents",
      );
      first.child.kill("SIGTERM");
      await waitForExit(first.child);

      const second = await startServerProcess(env, 120_000);
      children.push(second.child);
      assert.doesNotMatch(second.output(), /Eerste start/, "the demo loads only once");
      second.child.kill("SIGTERM");
      await waitForExit(second.child);
    } finally {
      for (const child of children) {
        child.kill("SIGKILL");
        await waitForExit(child);
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
