import assert from "node:assert/strict";
import type { IngestResult } from "@omniloket/contract";
import type { Database } from "@omniloket/db";
import { createApp } from "../app";
import { updateChannelSettings } from "../features/organisation";
import type { AppDeps } from "../platform/deps";
import type { App } from "../platform/http/types";
import {
  type Client,
  client,
  createTestTenant,
  logInAs,
  type TestTenant,
  testDeps,
} from "../test-support/harness";
import { type SmtpCapture, smtpCapture } from "../test-support/smtp-capture";
import type { PortalOptions } from "./portal.routes";

export type PortalWorld = {
  app: App;
  deps: AppDeps;
  tenant: TestTenant;
  slug: string;
  system: Client;
  agent: Client;
  smtp: SmtpCapture;
  /** Moves the app's clock. */
  advance(ms: number): void;
  ingest(body: Record<string, unknown>): Promise<IngestResult>;
  /** The six-digit code in the newest email to this address (through the real SMTP relay). */
  codeFor(email: string): Promise<string>;
};

/** A municipality with an email sender, an SMTP capture as relay, and a clock the test can move. */
export async function portalWorld(
  database: Database,
  slug: string,
  options: PortalOptions = {},
  config: Partial<AppDeps["config"]> = {},
): Promise<PortalWorld> {
  const smtp = await smtpCapture();
  let offset = 0;
  const base = testDeps(database);
  const deps = testDeps(database, {
    clock: () => new Date(Date.now() + offset),
    config: { ...base.config, smtpRelayUrl: smtp.url, ...config },
  });
  const app = createApp(deps, { portal: options });
  const tenant = await createTestTenant(database, slug);
  await updateChannelSettings(
    { db: database.db },
    {
      tenantId: tenant.tenantId,
      channels: {
        email: { addresses: [`contact@${slug}.test`], from: `Gemeente ${slug} <contact@${slug}.test>` },
      },
    },
  );
  const system = client(app, { token: tenant.token });
  const agent = await logInAs(app, `agent@${slug}.test`);
  let n = 0;
  return {
    app,
    deps,
    tenant,
    slug,
    system,
    agent,
    smtp,
    advance: (ms) => {
      offset += ms;
    },
    async ingest(body) {
      const response = await system.post("/api/v1/interactions", {
        channel: "email",
        externalId: `portal-${slug}-${n++}`,
        text: "Mijn vraag",
        ...body,
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as IngestResult;
    },
    codeFor: (email) => smtp.latestCode(email),
  };
}

/** Questions of one resident (jan@…) on three channels, a reply and a callback promise on the first. */
export async function seedThreeChannels(world: PortalWorld, email: string) {
  const both = {
    identifiers: [
      { kind: "email", value: email },
      { kind: "phone", value: "+31612345678" },
    ],
  };
  const byEmail = await world.ingest({
    channel: "email",
    subject: "Grofvuil ophalen",
    text: "Wanneer halen jullie mijn bank op?",
    topicId: "afval",
    sender: both,
  });
  const bySms = await world.ingest({
    channel: "sms",
    text: "Klopt mijn aanslag wel?",
    topicId: "belastingen",
    sender: both,
  });
  const byPhone = await world.ingest({
    channel: "phone",
    text: "Interne notitie: mevrouw was boos",
    topicId: "parkeren",
    sender: both,
  });
  const reply = await world.agent.post(`/api/v1/questions/${byEmail.questionId}/replies`, {
    text: "We halen uw bank op vrijdag op.",
    channel: "email",
  });
  assert.equal(reply.status, 201, await reply.clone().text());
  const task = await world.agent.post(`/api/v1/questions/${byEmail.questionId}/tasks`, {
    kind: "callback",
    description: "Terugbellen over grofvuil",
  });
  assert.equal(task.status, 201, await task.clone().text());
  return { byEmail, bySms, byPhone };
}

/** A browser-like client for the portal's pages: a cookie jar and url-encoded form posts. */
export function portalBrowser(app: App, ip = "192.0.2.10") {
  const jar = new Map<string, string>();
  const env = { incoming: { socket: { remoteAddress: ip } } };
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (!value || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return {
    jar,
    async get(path: string, headers: Record<string, string> = {}) {
      return remember(await app.request(path, { headers: { cookie: cookie(), ...headers } }, env));
    },
    async post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
      return remember(
        await app.request(
          path,
          {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), ...headers },
            body: new URLSearchParams(form).toString(),
          },
          env,
        ),
      );
    },
  };
}

export function hiddenField(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  if (!value) throw new Error(`no hidden field ${name}`);
  return value;
}

/** Logs in with a code from the real SMTP path; returns the browser with its session. */
export async function logIn(world: PortalWorld, email: string, ip?: string) {
  const browser = portalBrowser(world.app, ip);
  const base = `/mijn/${world.slug}`;
  const form = await browser.get(`${base}/inloggen`);
  assert.equal(form.status, 200);
  const sent = await browser.post(`${base}/inloggen`, {
    _token: hiddenField(await form.text(), "_token"),
    email,
  });
  assert.equal(sent.status, 303, await sent.clone().text());
  const code = await world.codeFor(email);
  const codePage = await browser.get(`${base}/inloggen/code`);
  const done = await browser.post(`${base}/inloggen/code`, {
    _token: hiddenField(await codePage.text(), "_token"),
    code,
  });
  assert.equal(done.status, 303, await done.clone().text());
  assert.equal(done.headers.get("location"), `${base}/vragen`);
  return browser;
}
