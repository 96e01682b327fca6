import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { testBackends } from "../../test-support/backends";
import { testDeps } from "../../test-support/harness";
import { quarantineMessage } from "./quarantine-message";

for (const backend of testBackends()) {
  describe(`quarantineMessage (${backend.name})`, () => {
    let database: Database & { drop(): Promise<void> };
    before(async () => {
      database = await backend.open();
    });
    after(() => database.drop());

    it("keeps the raw bytes through the storage port and the reason in a row", async () => {
      const deps = testDeps(database);
      const raw = Buffer.from("Subject: zonder afzender\r\n\r\nHallo");
      const { id, rawSha256 } = await quarantineMessage(deps, {
        tenantId: null,
        channel: "email",
        reason: "unknown-recipient",
        raw,
        summary: { to: ["x@y.test"] },
      });
      assert.deepEqual(Buffer.from((await deps.files.get(rawSha256)) ?? []), raw);
      const [row] = await database.query<{ reason: string; raw_sha256: string; summary: unknown }>(
        "SELECT reason, raw_sha256, summary FROM quarantined_messages WHERE id = $1",
        [id],
      );
      assert.deepEqual(row, {
        reason: "unknown-recipient",
        raw_sha256: rawSha256,
        summary: { to: ["x@y.test"] },
      });
    });
  });
}
