import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { testBackends } from "../../test-support/backends";
import {
  createTestTenant,
  logInAs,
  logInAsAdmin,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { tenantForChannelAddress } from "../organisation";
import { quarantineMessage } from "../quarantine";

const [backend] = testBackends();

describe("admins connect their municipality's channels", () => {
  let database: Database & { drop(): Promise<void> };
  let tenant: TestTenant;

  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
    tenant = await createTestTenant(database, "kanalen");
  });
  after(() => database.drop());

  it("saves the settings, never shows a secret again, and inbound messages find the municipality", async () => {
    const app = createApp(testDeps(database));
    const admin = await logInAsAdmin(app, database, tenant.tenantId, "beheer@kanalen.test");
    const settings = {
      email: { addresses: ["contact@kanalen.test"], from: "Gemeente Kanalen <contact@kanalen.test>" },
      sms: { provider: "twilio", accountSid: "AC1", authToken: "heel-geheim", from: "+3197010000009" },
      phone: { numbers: ["+31201234567"], ctiSecret: "een-lang-genoeg-geheim", ivrTopics: { "1": "afval" } },
    };
    const saved = await admin.put("/api/v1/admin/channel-settings", settings);
    assert.equal(saved.status, 200);
    const shown = JSON.stringify(await (await admin.get("/api/v1/admin/channel-settings")).json());
    assert.doesNotMatch(shown, /heel-geheim|een-lang-genoeg-geheim/);
    assert.match(shown, /contact@kanalen\.test/);
    assert.equal(
      (await tenantForChannelAddress(database.db, "email", "Contact@Kanalen.test"))?.tenantId,
      tenant.tenantId,
    );
    assert.equal(
      (await tenantForChannelAddress(database.db, "phone", "+31201234567"))?.tenantId,
      tenant.tenantId,
    );

    const agent = await logInAs(app, "agent@kanalen.test");
    assert.equal((await agent.get("/api/v1/admin/channel-settings")).status, 403);
  });

  it("refuses a number that is not in E.164, naming the field", async () => {
    const app = createApp(testDeps(database));
    const admin = await logInAsAdmin(app, database, tenant.tenantId, "beheer2@kanalen.test");
    const response = await admin.put("/api/v1/admin/channel-settings", {
      phone: { numbers: ["020-1234567"], ctiSecret: "een-lang-genoeg-geheim" },
    });
    assert.equal(response.status, 400);
    const problem = (await response.json()) as { invalidParams: Array<{ name: string }> };
    assert.ok(problem.invalidParams.some((p) => p.name === "phone.numbers.0"));
  });
});

describe("admins see quarantined mail with its reason", () => {
  let database: Database & { drop(): Promise<void> };
  let tenant: TestTenant;
  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
    tenant = await createTestTenant(database, "quarantaine");
  });
  after(() => database.drop());

  it("lists the municipality's quarantined messages for admins only, and logs the read", async () => {
    const deps = testDeps(database);
    await quarantineMessage(deps, {
      tenantId: tenant.tenantId,
      channel: "email",
      reason: "no-sender",
      raw: new TextEncoder().encode("Subject: zonder afzender\r\n\r\nhallo"),
      summary: { subject: "zonder afzender" },
    });
    const app = createApp(deps);
    const admin = await logInAsAdmin(app, database, tenant.tenantId, "beheer@quarantaine.test");
    const { items } = (await (await admin.get("/api/v1/admin/quarantined-messages")).json()) as {
      items: Array<{ reason: string }>;
    };
    assert.deepEqual(
      items.map((i) => i.reason),
      ["no-sender"],
    );
    const [audit] = await database.query("SELECT 1 FROM audit_events WHERE action = 'quarantine.read'");
    assert.ok(audit);
    const agent = await logInAs(app, "agent@quarantaine.test");
    assert.equal((await agent.get("/api/v1/admin/quarantined-messages")).status, 403);
  });
});
