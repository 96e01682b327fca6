import { after, before } from "node:test";
import type { Database } from "@omniloket/db";
import { createApp } from "../app";
import type { App } from "../platform/http/types";
import type { Backend } from "./backends";
import { type Client, createTestTenant, logInAsAdmin, type TestTenant, testDeps } from "./harness";

export type AdminTestContext = {
  database: Database & { drop(): Promise<void> };
  app: App;
  tenant: TestTenant;
  /** Logged in with both factors as beheer@<slug>.test. */
  admin: Client;
};

/**
 * For a describe block of admin API tests: opens a database, an app and a test municipality, and
 * logs an admin in before the tests; drops the database after them. The fields are set once the
 * `before` hook has run, so read them inside tests only.
 */
export function adminTestContext(backend: Backend, slug: string): AdminTestContext {
  const context = {} as AdminTestContext;
  before(async () => {
    context.database = await backend.open();
    context.app = createApp(testDeps(context.database));
    context.tenant = await createTestTenant(context.database, slug);
    context.admin = await logInAsAdmin(
      context.app,
      context.database,
      context.tenant.tenantId,
      `beheer@${slug}.test`,
    );
  });
  after(() => context.database.drop());
  return context;
}
