import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createDb } from "@omniloket/db";
import { freePort, runCli, startServerProcess, waitForExit } from "../test-support/processes";

type Target = {
  name: string;
  env(): Promise<{ env: NodeJS.ProcessEnv; count(ids: string[]): Promise<number>; cleanup(): Promise<void> }>;
};

const embedded: Target = {
  name: "PGlite on disk",
  async env() {
    const dataDir = mkdtempSync(join(tmpdir(), "omniloket-kill-"));
    return {
      env: { OMNILOKET_DATA_DIR: dataDir, DATABASE_URL: "" },
      async count(ids) {
        const database = await createDb({ kind: "embedded", dataDir });
        try {
          const [row] = await database.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM interactions WHERE external_id = ANY($1::text[])",
            [ids],
          );
          return row?.n ?? 0;
        } finally {
          await database.close();
        }
      },
      async cleanup() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

function postgres(adminUrl: string): Target {
  return {
    name: "PostgreSQL",
    async env() {
      const name = `omniloket_kill_${randomBytes(5).toString("hex")}`;
      const admin = await createDb({ kind: "postgres", url: adminUrl, poolSize: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        env: {
          DATABASE_URL: url.toString(),
          OMNILOKET_DATA_DIR: mkdtempSync(join(tmpdir(), "omniloket-kill-")),
        },
        async count(ids) {
          const database = await createDb({ kind: "postgres", url: url.toString(), poolSize: 1 });
          try {
            const [row] = await database.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM interactions WHERE external_id = ANY($1::text[])",
              [ids],
            );
            return row?.n ?? 0;
          } finally {
            await database.close();
          }
        },
        async cleanup() {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.close();
        },
      };
    },
  };
}

const targets = [
  embedded,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];

for (const target of targets) {
  describe(`a server killed with SIGKILL loses no acknowledged contact (${target.name})`, () => {
    it("every contact answered 2xx before the kill is stored", { timeout: 180_000 }, async () => {
      const setup = await target.env();
      try {
        const port = await freePort();
        const env = { ...setup.env, PORT: String(port), OMNILOKET_DEMO: "0", LOG_LEVEL: "warn" };
        await runCli(["tenant", "add", "--slug", "kill", "--name", "Gemeente Kill"], env);
        const tokenOutput = await runCli(["token", "create", "--name", "load"], env);
        const token = tokenOutput.match(/olt_[A-Za-z0-9_-]+/)?.[0];
        assert.ok(token, tokenOutput);

        const { child } = await startServerProcess(env);
        const acknowledged: string[] = [];
        let sent = 0;
        let killed = false;
        const worker = async (w: number) => {
          while (!killed) {
            const externalId = `kill-${w}-${sent++}`;
            try {
              const response = await fetch(`http://127.0.0.1:${port}/api/v1/interactions`, {
                method: "POST",
                headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
                body: JSON.stringify({
                  channel: "api",
                  externalId,
                  text: "Contact onder belasting",
                  sender: { identifiers: [{ kind: "email", value: `kill${w}-${sent}@voorbeeld.test` }] },
                }),
              });
              if (response.status === 201) acknowledged.push(externalId);
              await response.arrayBuffer();
            } catch {
              // The connection breaks when the process dies: that contact was never acknowledged.
            }
          }
        };
        const workers = Array.from({ length: 8 }, (_, w) => worker(w));
        const deadline = Date.now() + 60_000;
        while (acknowledged.length < 200 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        child.kill("SIGKILL");
        killed = true;
        await waitForExit(child);
        await Promise.all(workers);

        const stored = await setup.count(acknowledged);
        assert.equal(
          stored,
          acknowledged.length,
          `${acknowledged.length - stored} acknowledged contacts were lost`,
        );
        assert.ok(acknowledged.length >= 200);
      } finally {
        await setup.cleanup();
      }
    });
  });
}
