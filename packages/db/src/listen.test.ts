import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import { createDb } from "./create-db";
import type { Database } from "./database";

function nextPayload(database: Database, channel: string): Promise<string> {
  return new Promise((resolve) => {
    let unsubscribe: (() => Promise<void>) | undefined;
    void database
      .listen(channel, (payload) => {
        void unsubscribe?.();
        resolve(payload);
      })
      .then((u) => {
        unsubscribe = u;
      });
  });
}

describe("LISTEN/NOTIFY", () => {
  it("delivers a notification after commit on embedded PGlite", async () => {
    const database = await createDb({ kind: "embedded", dataDir: null });
    const received = nextPayload(database, "omniloket_test");
    await new Promise((r) => setTimeout(r, 50));
    await database.transaction(async (query) => {
      await query("SELECT pg_notify('omniloket_test', 'hallo')");
    });
    assert.equal(await received, "hallo");
    await database.close();
  });

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    it("listens again when the PostgreSQL connection that LISTENs is dropped", {
      timeout: 30_000,
    }, async () => {
      const name = `omniloket_listen_${randomBytes(5).toString("hex")}`;
      const admin = await createDb({ kind: "postgres", url: adminUrl, poolSize: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await createDb({ kind: "postgres", url: url.toString() });
      try {
        const payloads: string[] = [];
        await database.listen("omniloket_test", (p) => payloads.push(p));
        await database.query("SELECT pg_notify('omniloket_test', 'een')");
        await until(() => payloads.includes("een"));
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'",
          [name],
        );
        // After the drop, keep notifying until the new listener hears it.
        await until(async () => {
          await database.query("SELECT pg_notify('omniloket_test', 'twee')");
          return payloads.includes("twee");
        });
        assert.ok(payloads.includes("twee"));
      } finally {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      }
    });
  }
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}
