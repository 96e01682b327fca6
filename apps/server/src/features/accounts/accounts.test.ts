import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import type { App } from "../../platform/http/types";
import { testBackends } from "../../test-support/backends";
import {
  client,
  createTestTenant,
  logInAs,
  TEST_PASSWORD,
  type TestTenant,
  testDeps,
} from "../../test-support/harness";
import { totpFor } from "./complete-second-factor";
import { createEmployee } from "./create-employee";

const [backend] = testBackends();

describe("people and access: sessions, CSRF, second factor, tokens", () => {
  let database: Database & { drop(): Promise<void> };
  let app: App;
  let tenant: TestTenant;
  let now = new Date("2026-11-28T10:00:00Z");

  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
    app = createApp(testDeps(database, { clock: () => now }));
    tenant = await createTestTenant(database, "access");
  });
  after(() => database.drop());

  it("logs in with the right password and answers 401 problem+json to a wrong one", async () => {
    const wrong = await client(app).post("/api/v1/sessions", {
      email: "agent@access.test",
      password: "fout wachtwoord!!",
    });
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get("content-type") ?? "", /problem\+json/);
    const unknown = await client(app).post("/api/v1/sessions", {
      email: "niemand@access.test",
      password: TEST_PASSWORD,
    });
    assert.equal(unknown.status, 401);
    const agent = await logInAs(app, "AGENT@access.test");
    const me = await agent.get("/api/v1/sessions/current");
    assert.equal(me.status, 200);
    assert.deepEqual(((await me.json()) as { roles: string[] }).roles, ["agent"]);
  });

  it("stores only a hash of the session token and refuses unsafe requests without the CSRF token", async () => {
    const agent = await logInAs(app, "agent@access.test");
    const sessions = await database.query<{ token_hash: string }>("SELECT token_hash FROM sessions");
    assert.ok(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash)));
    const withoutCsrf = await agent.post(
      "/api/v1/residents/_search",
      { name: "test" },
      { "x-csrf-token": "wrong" },
    );
    assert.equal(withoutCsrf.status, 403);
    const withCsrf = await agent.post("/api/v1/residents/_search", { name: "test" });
    assert.equal(withCsrf.status, 200);
  });

  it("expires sessions", async () => {
    const agent = await logInAs(app, "agent@access.test");
    assert.equal((await agent.get("/api/v1/sessions/current")).status, 200);
    now = new Date(now.getTime() + 9 * 3_600_000);
    assert.equal((await agent.get("/api/v1/sessions/current")).status, 401);
    now = new Date("2026-11-28T10:00:00Z");
  });

  it("requires a TOTP second factor for admins", async () => {
    const admin = await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Ada Admin",
      email: "admin@access.test",
      roles: ["admin"],
      password: TEST_PASSWORD,
    });
    assert.ok(admin.totpSecret, "an admin always gets a TOTP secret");
    const login = await client(app).post("/api/v1/sessions", {
      email: "admin@access.test",
      password: TEST_PASSWORD,
    });
    assert.equal(login.status, 201);
    assert.equal(((await login.json()) as { secondFactorRequired: boolean }).secondFactorRequired, true);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const halfOpen = client(app, { cookie });
    assert.equal(
      (await halfOpen.get("/api/v1/sessions/current")).status,
      401,
      "a half-open session has no access",
    );
    assert.equal((await halfOpen.post("/api/v1/sessions/second-factor", { code: "000000" })).status, 401);
    const code = totpFor(admin.totpSecret).generate({ timestamp: now.getTime() });
    assert.equal((await halfOpen.post("/api/v1/sessions/second-factor", { code })).status, 204);
    assert.equal((await halfOpen.get("/api/v1/sessions/current")).status, 200);
  });

  it("refuses a revoked or unknown bearer token", async () => {
    const system = client(app, { token: tenant.token });
    assert.equal((await system.get("/api/v1/sessions/current")).status, 200);
    assert.equal((await client(app, { token: "olt_made_up" }).get("/api/v1/sessions/current")).status, 401);
    await database.query("UPDATE api_tokens SET revoked_at = now()");
    assert.equal((await system.get("/api/v1/sessions/current")).status, 401);
  });

  it("lets an analyst see no resident's personal data", async () => {
    await createEmployee(database.db, {
      tenantId: tenant.tenantId,
      name: "Ali Analist",
      email: "analist@access.test",
      roles: ["analyst"],
      password: TEST_PASSWORD,
    });
    const analyst = await logInAs(app, "analist@access.test");
    assert.equal((await analyst.post("/api/v1/residents/_search", { name: "test" })).status, 403);
  });
});
