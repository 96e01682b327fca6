import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@omniloket/db";
import { createApiToken, createEmployee, totpFor } from "../features/accounts";
import { createTeam, createTenant } from "../features/organisation";
import { loadConfig } from "../platform/config";
import type { AppDeps } from "../platform/deps";
import type { App } from "../platform/http/types";
import { createLogger } from "../platform/log";
import { directoryFileStore } from "../platform/storage/file-store";

export type TestTenant = {
  tenantId: string;
  teams: { general: string; youth: string; taxes: string };
  token: string;
  agentId: string;
  youthAgentId: string;
};

export const TEST_PASSWORD = "correct horse battery staple";

/** A municipality with a general team, a youth team and a taxes team, an agent in each, and a system token. */
export async function createTestTenant(database: Database, slug: string): Promise<TestTenant> {
  const { db } = database;
  const tenant = await createTenant(db, { slug, name: `Gemeente ${slug}` });
  const general = await createTeam(db, { tenantId: tenant.id, name: "KCC", topicIds: [], isGeneral: true });
  const youth = await createTeam(db, { tenantId: tenant.id, name: "Jeugd", topicIds: ["jeugd"] });
  const taxes = await createTeam(db, {
    tenantId: tenant.id,
    name: "Belastingen",
    topicIds: ["belastingen", "kwijtschelding"],
  });
  const agent = await createEmployee(db, {
    tenantId: tenant.id,
    name: "Anna Agent",
    email: `agent@${slug}.test`,
    roles: ["agent"],
    password: TEST_PASSWORD,
    teamIds: [general.id],
  });
  const youthAgent = await createEmployee(db, {
    tenantId: tenant.id,
    name: "Youssef Jeugd",
    email: `jeugd@${slug}.test`,
    roles: ["agent", "back-office"],
    password: TEST_PASSWORD,
    teamIds: [youth.id],
  });
  const { token } = await createApiToken(db, {
    tenantId: tenant.id,
    name: "test channel",
    roles: ["system"],
  });
  return {
    tenantId: tenant.id,
    teams: { general: general.id, youth: youth.id, taxes: taxes.id },
    token,
    agentId: agent.id,
    youthAgentId: youthAgent.id,
  };
}

let filesDir: string | null = null;

/** One temporary attachment directory per test process, removed when the process ends. */
function testFilesDir(): string {
  if (!filesDir) {
    const dir = mkdtempSync(join(tmpdir(), "omniloket-files-"));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    filesDir = dir;
  }
  return filesDir;
}

export function testDeps(database: Database, overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    database,
    config: { ...loadConfig({}), ...overrides.config },
    log: createLogger("silent"),
    clock: () => new Date(),
    files: directoryFileStore(testFilesDir()),
    ...overrides,
  };
}

export type Client = {
  app: App;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  put(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  delete(path: string, headers?: Record<string, string>): Promise<Response>;
};

/** A caller with a bearer token, or with a session cookie and its CSRF token. */
export function client(app: App, auth: { token?: string; cookie?: string; csrf?: string } = {}): Client {
  const base = (): Record<string, string> => ({
    ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
    ...(auth.cookie ? { cookie: auth.cookie } : {}),
    ...(auth.csrf ? { "x-csrf-token": auth.csrf } : {}),
  });
  const send =
    (method: string) =>
    (path: string, body: unknown, headers: Record<string, string> = {}) =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: { "content-type": "application/json", ...base(), ...headers },
          body: JSON.stringify(body),
        }),
      );
  return {
    app,
    post: send("POST"),
    put: send("PUT"),
    get: (path, headers = {}) => Promise.resolve(app.request(path, { headers: { ...base(), ...headers } })),
    delete: (path, headers = {}) =>
      Promise.resolve(app.request(path, { method: "DELETE", headers: { ...base(), ...headers } })),
  };
}

/** Logs an employee in through the API and returns a session client. */
export async function logInAs(app: App, email: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await client(app).post("/api/v1/sessions", { email, password });
  if (response.status !== 201) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return client(app, { cookie, csrf: csrfToken });
}

/** Adds an admin (who always has a TOTP second factor) and logs them in with both factors. */
export async function logInAsAdmin(
  app: App,
  database: Database,
  tenantId: string,
  email: string,
): Promise<Client> {
  const admin = await createEmployee(database.db, {
    tenantId,
    name: "Ada Admin",
    email,
    roles: ["admin"],
    password: TEST_PASSWORD,
  });
  const response = await client(app).post("/api/v1/sessions", { email, password: TEST_PASSWORD });
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const session = client(app, { cookie, csrf: csrfToken });
  const code = totpFor(admin.totpSecret ?? "").generate();
  const second = await session.post("/api/v1/sessions/second-factor", { code });
  if (second.status !== 204) throw new Error(`second factor failed: ${second.status}`);
  return session;
}
