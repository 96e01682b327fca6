import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { testBackends } from "../../test-support/backends";
import { type Client, client, createTestTenant, type TestTenant, testDeps } from "../../test-support/harness";

const [backend] = testBackends();

describe("a question's due time follows the service norms in working hours", () => {
  let database: Database & { drop(): Promise<void> };
  let tenant: TestTenant;
  let system: Client;
  let n = 0;
  const dueOf = async (body: Record<string, unknown>) => {
    const result = (await (
      await system.post("/api/v1/interactions", {
        externalId: `norm-${n++}`,
        text: "Vraag",
        sender: { identifiers: [{ kind: "email", value: `norm${n}@voorbeeld.test` }] },
        ...body,
      })
    ).json()) as IngestResult;
    const [row] = await database.query<{ due: string }>(
      `SELECT to_char(due_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI') AS due FROM questions WHERE id = $1`,
      [result.questionId],
    );
    return row?.due;
  };

  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
    tenant = await createTestTenant(database, "norms");
    system = client(createApp(testDeps(database)), { token: tenant.token });
  });
  after(() => database.drop());

  it("counts only opening hours on working days, skipping Dutch public holidays", async () => {
    // Friday 19 December 2025, 16:00 in Amsterdam; Christmas (25 and 26 December) is closed.
    const due = await dueOf({ channel: "email", occurredAt: "2025-12-19T16:00:00+01:00", topicId: "afval" });
    // The default email norm is five working days of 8.5 hours (08:30–17:00).
    assert.equal(due, "2025-12-30 16:00");
  });

  it("follows a municipality's own norms, most specific first", async () => {
    await database.query("UPDATE tenants SET settings = $1 WHERE id = $2", [
      JSON.stringify({
        serviceNorms: [
          { topicId: "*", channel: "*", workingMinutes: 5 * 510, label: "Binnen vijf werkdagen" },
          { topicId: "afval", channel: "*", workingMinutes: 120, label: "Afval binnen twee uur" },
        ],
      }),
      tenant.tenantId,
    ]);
    assert.equal(
      await dueOf({ channel: "webform", occurredAt: "2026-03-02T09:00:00+01:00", topicId: "afval" }),
      "2026-03-02 11:00",
    );
    assert.equal(
      await dueOf({ channel: "webform", occurredAt: "2026-03-02T09:00:00+01:00", topicId: "parkeren" }),
      "2026-03-09 09:00",
    );
  });
});
