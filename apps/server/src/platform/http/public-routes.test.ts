import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../../app";
import { createDemoMailbox } from "../../channels/email";
import { testBackends } from "../../test-support/backends";
import { testDeps } from "../../test-support/harness";
import { isPublicRoute, PUBLIC_ROUTES } from "./public-routes";

const [backend] = testBackends();

describe("public routes", () => {
  let database: Database & { drop(): Promise<void> };
  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
  });
  after(() => database.drop());

  function concrete(path: string): string {
    return path.replace(/:[A-Za-z]+|\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
  }

  it("every route outside the public list refuses an anonymous caller", async () => {
    const app = createApp(testDeps(database));
    const routes = app.routes.filter((r) => r.method !== "ALL" && !r.path.includes("*"));
    assert.ok(routes.length >= 8, `expected the route table to hold the API, got ${routes.length}`);
    const checked: string[] = [];
    for (const route of routes) {
      const path = concrete(route.path);
      if (isPublicRoute(route.method, path)) continue;
      const response = await app.request(path, {
        method: route.method,
        headers: { "content-type": "application/json" },
        body: ["GET", "HEAD"].includes(route.method) ? undefined : "{}",
      });
      assert.equal(
        response.status,
        401,
        `${route.method} ${route.path} answered ${response.status} to an anonymous caller`,
      );
      assert.match(response.headers.get("content-type") ?? "", /application\/problem\+json/);
      checked.push(`${route.method} ${route.path}`);
    }
    assert.ok(checked.length >= 5);
  });

  it("every public route exists in the route table and has a reason", () => {
    // The demo mailbox's page exists only in demo mode without an SMTP relay.
    const app = createApp(testDeps(database), { demoMailbox: createDemoMailbox() });
    for (const entry of PUBLIC_ROUTES) {
      assert.ok(entry.reason.length > 10, `${entry.path} needs a reason`);
      const found = app.routes.some(
        (r) => r.method === entry.method && concrete(r.path) === concrete(entry.path),
      );
      assert.ok(found, `${entry.method} ${entry.path} is listed as public but no such route exists`);
    }
  });

  it("serves the OpenAPI document publicly with CORS and API-Version", async () => {
    const app = createApp(testDeps(database));
    const response = await app.request("/api/v1/openapi.json", {
      headers: { origin: "https://example.org" },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.equal(response.headers.get("api-version"), "0.1.0");
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      info: { version: string };
    };
    assert.equal(document.openapi, "3.1.0");
    assert.equal(document.info.version, "0.1.0");
    assert.ok(document.paths["/interactions"]);
    for (const path of Object.keys(document.paths)) {
      assert.match(path, /^(\/[a-z0-9-]+|\/_[a-z]+|\/\{[a-zA-Z]+\})+$/, `path ${path} is not kebab-case`);
    }
  });
});
