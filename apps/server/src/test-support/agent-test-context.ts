import assert from "node:assert/strict";
import { after, before } from "node:test";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../app";
import type { Backend } from "./backends";
import { type Client, client, createTestTenant, logInAs, type TestTenant, testDeps } from "./harness";

export type AgentTestContext = {
  database: Database & { drop(): Promise<void> };
  tenant: TestTenant;
  /** The channel API, with the municipality's system token. */
  system: Client;
  /** Logged in as agent@<slug>.test (general team). */
  agent: Client;
  /** Logged in as jeugd@<slug>.test (youth team). */
  youthAgent: Client;
  /** Posts an email contact from one resident, expects 201, and returns the result; `body` overrides. */
  ingest(body: Record<string, unknown>): Promise<IngestResult>;
};

/**
 * For a describe block of API tests as agents: opens a database, an app and a test municipality, and
 * logs in its two agents before the tests; drops the database after them. The fields are set once
 * the `before` hook has run, so read them inside tests only.
 */
export function agentTestContext(
  backend: Backend,
  slug: string,
  email: { externalIdPrefix: string; text: string; senderEmail: string },
): AgentTestContext {
  let n = 0;
  const context = {
    async ingest(body: Record<string, unknown>) {
      const response = await context.system.post("/api/v1/interactions", {
        channel: "email",
        externalId: `${email.externalIdPrefix}-${n++}`,
        text: email.text,
        sender: { identifiers: [{ kind: "email", value: email.senderEmail }] },
        ...body,
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    },
  } as AgentTestContext;
  before(async () => {
    context.database = await backend.open();
    const app = createApp(testDeps(context.database));
    context.tenant = await createTestTenant(context.database, slug);
    context.system = client(app, { token: context.tenant.token });
    context.agent = await logInAs(app, `agent@${slug}.test`);
    context.youthAgent = await logInAs(app, `jeugd@${slug}.test`);
  });
  after(() => context.database.drop());
  return context;
}
