import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import type { Browser, Page } from "playwright-core";
import { createApp } from "../../app";
import { enableChat } from "../../channels/chat/chat.test-helpers";
import { testBackends } from "../../test-support/backends";
import { type Client, createTestTenant, logInAs, testDeps } from "../../test-support/harness";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  launchChromium,
  openPage,
  serveApp,
  until,
} from "./browser-test-support";

const [backend] = testBackends();

/** The municipality's own site, on another origin than Omniloket, with the one script tag. */
function siteServer(widgetSrc: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Gemeente Chatstad</title>
<style>:root { --omniloket-chat-primary: #0b5d1e; }</style></head>
<body><header><p>Gemeente Chatstad</p></header><main><h1>Welkom bij Gemeente Chatstad</h1>
<p>Heeft u een vraag? Chat met ons.</p></main>
<script src="${widgetSrc()}" data-gemeente="chatstad" async></script></body></html>`);
  });
  return new Promise((resolve) =>
    server.listen(0, "localhost", () =>
      resolve({ server, origin: `http://localhost:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** The text of the focused control inside the widget's shadow root. */
const focusedInWidget = (page: Page) =>
  page.evaluate(
    `(() => { const a = document.activeElement?.shadowRoot?.activeElement; return a ? (a.getAttribute("aria-label") ?? a.id ?? "") + "|" + (a.textContent ?? "").trim() : ""; })()`,
  ) as Promise<string>;

async function tabUntil(page: Page, wanted: RegExp, max = 30) {
  for (let i = 0; i < max; i++) {
    if (wanted.test(await focusedInWidget(page))) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${wanted}`);
}

describe(hasChromium
  ? "chat widget in Debian chromium on a municipality's site: keyboard only, live answer, axe WCAG 2.1 AA"
  : `chat widget browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let omniloket: Awaited<ReturnType<typeof serveApp>>;
  let site: { server: Server; origin: string };
  let browser: Browser;
  let agent: Client;

  before(async () => {
    if (!backend) throw new Error("no backend");
    database = await backend.open();
    const tenant = await createTestTenant(database, "chatstad");
    const app = createApp(testDeps(database), { chat: { recheckMs: 500 } });
    omniloket = await serveApp(app);
    site = await siteServer(() => `${omniloket.baseUrl}/chat/widget.js`);
    await enableChat(database, tenant.tenantId, "chatstad", 600, [site.origin]);
    agent = await logInAs(app, "agent@chatstad.test");
    assert.equal((await agent.put("/api/v1/presence", { presence: "available" })).status, 200);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await omniloket?.close();
    await new Promise<void>((resolve) => (site ? site.server.close(() => resolve()) : resolve()));
    await database?.drop();
  });

  it("serves the widget as one cacheable script", async () => {
    const response = await fetch(`${omniloket.baseUrl}/chat/widget.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /javascript/);
    assert.match(response.headers.get("cache-control") ?? "", /public/);
    assert.ok((await response.text()).length > 1000);
  });

  it("lets a visitor chat by keyboard alone and shows the employee's answer in the log", async () => {
    const { page, failures } = await openPage(browser);
    await page.goto(site.origin);
    const launcher = page.getByRole("button", { name: "Chat met de gemeente" });
    await launcher.waitFor();
    await tabUntil(page, /\|Chat met de gemeente$/);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Chat met de gemeente" });
    await dialog.waitFor();
    await page.getByLabel("Waar gaat uw vraag over? (niet verplicht)").waitFor();
    assert.match(await focusedInWidget(page), /^topic\|/, "focus moves into the widget on open");
    await expectNoAxeViolations(page, "chat widget open");

    await page.keyboard.press("Escape");
    await until(
      async () => /\|Chat met de gemeente$/.test(await focusedInWidget(page)),
      "focus back on the button",
    );
    assert.equal(await dialog.isVisible(), false);
    await page.keyboard.press("Enter");
    await dialog.waitFor();

    await tabUntil(page, /\|Start de chat$/);
    await page.keyboard.press("Enter");
    await page.getByText(/U bent (de volgende|nummer \d+ in de rij)/).waitFor();
    assert.match(await focusedInWidget(page), /^message\|/, "focus in the message field");
    await expectNoAxeViolations(page, "chat widget waiting");

    await page.keyboard.type("Wanneer wordt het oud papier opgehaald?");
    await tabUntil(page, /\|Versturen$/);
    await page.keyboard.press("Enter");
    const log = page.getByRole("log");
    await log.getByText("Wanneer wordt het oud papier opgehaald?").waitFor();

    const [session] = await database.query<{ id: string }>("SELECT id FROM chat_sessions");
    const reply = await agent.post(`/api/v1/chat-sessions/${session?.id}/messages`, {
      text: "Elke tweede dinsdag van de maand.",
    });
    assert.equal(reply.status, 201);
    await log.getByText("Elke tweede dinsdag van de maand.").waitFor();
    await page.getByText("U chat met Anna.").waitFor();
    await expectNoAxeViolations(page, "chat widget conversation");

    await agent.post(`/api/v1/chat-sessions/${session?.id}/_end`, { wrapUp: "Ophaaldag genoemd." });
    await page.getByText(/Het gesprek is afgelopen/).waitFor();
    await page.getByLabel("Wilt u het gesprek per e-mail ontvangen?").waitFor();
    await expectNoAxeViolations(page, "chat widget ended");
    assert.deepEqual(failures, []);
    const stored = (await page.evaluate("JSON.stringify(Object.keys(sessionStorage))")) as string;
    assert.match(stored, /omniloket-chat:chatstad/);
    const cookies = await page.context().cookies();
    assert.deepEqual(cookies, [], "the widget sets no cookies");
  });
});
