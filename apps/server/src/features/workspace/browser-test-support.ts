import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { after, before } from "node:test";
import AxeBuilder from "@axe-core/playwright";
import { serve } from "@hono/node-server";
import type { Database } from "@omniloket/db";
import { type Browser, chromium, type Page } from "playwright-core";
import { createApp } from "../../app";
import type { AppDeps } from "../../platform/deps";
import type { App } from "../../platform/http/types";
import type { Backend } from "../../test-support/backends";
import { TEST_PASSWORD, testDeps } from "../../test-support/harness";
import { totpFor } from "../accounts";
import { ensureWebBuild } from "./web-build";

/** Shared by the workspace's browser tests (Debian's chromium driven by playwright-core, axe-core). */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** Set WERKPLEK_SCREENSHOTS=docs/screenshots to save the workspace pages as PNG. */
export const screenshots = process.env.WERKPLEK_SCREENSHOTS;

export async function expectNoAxeViolations(page: Page, name: string) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  assert.deepEqual(summary, [], `axe found WCAG 2.1 A/AA violations on the ${name} page`);
}

/** Tabs until the element with this id has focus: the test uses the keyboard as a person would. */
export async function tabTo(page: Page, id: string, max = 25) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(`document.activeElement?.id === ${JSON.stringify(id)}`)) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached #${id}`);
}

/** Tabs until a control whose accessible text (aria-label or text) is exactly `name` has focus. */
export async function tabToControl(page: Page, name: string, max = 40) {
  const script = `(() => { const e = document.activeElement; return e ? (e.getAttribute("aria-label") ?? e.textContent ?? "").trim() : ""; })()`;
  for (let i = 0; i < max; i++) {
    if ((await page.evaluate(script)) === name) return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached the control "${name}"`);
}

/** Serves the app on a free port of 127.0.0.1; returns its base URL and a close function. */
export async function serveApp(app: App): Promise<{ baseUrl: string; close(): Promise<void> }> {
  let server: ReturnType<typeof serve> | undefined;
  const baseUrl = await new Promise<string>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
  });
  return {
    baseUrl,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** A Dutch page in Amsterdam time that records uncaught page errors, so a test can assert there were none. */
export async function openPage(browser: Browser): Promise<{ page: Page; failures: string[] }> {
  const context = await browser.newContext({ locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const failures: string[] = [];
  page.on("pageerror", (error) => failures.push(error.message));
  return { page, failures };
}

/**
 * Logs in through the login page by keyboard alone and waits for the inbox. With `totpSecret` (admins),
 * also types the second factor's code.
 */
export async function logInByKeyboard(page: Page, baseUrl: string, email: string, totpSecret?: string) {
  await page.goto(`${baseUrl}/werkplek/`);
  await page.getByRole("heading", { level: 1, name: "Inloggen op de werkplek" }).waitFor();
  await tabTo(page, "email");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press("Enter");
  if (totpSecret !== undefined) {
    await page.getByRole("heading", { level: 1, name: "Tweede stap: code uit uw app" }).waitFor();
    await page.keyboard.type(totpFor(totpSecret).generate());
    await page.keyboard.press("Enter");
  }
  await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
}

/**
 * Polls a condition in the test process (the workspace's CSP forbids the eval that a string
 * `page.waitForFunction` needs).
 */
export async function until(condition: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`waited ${ms} ms in vain: ${what}`);
}

export type BrowserTestContext = {
  database: Database & { drop(): Promise<void> };
  /** Where the app is served, e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  browser: Browser;
};

/**
 * For a describe block of browser tests: builds the workspace, opens a database and an app, lets
 * `seed` fill them, serves the app and launches chromium before the tests; closes it all after them.
 * The fields are set once the `before` hook has run, so read them inside tests only.
 */
export function browserTestContext(
  backend: Backend | undefined,
  seed: (setup: { database: Database; app: App; deps: AppDeps }) => Promise<void>,
): BrowserTestContext {
  const context = { baseUrl: "" } as BrowserTestContext;
  let server: Awaited<ReturnType<typeof serveApp>> | undefined;
  before(async () => {
    if (!backend) throw new Error("no backend");
    await ensureWebBuild();
    context.database = await backend.open();
    const deps = testDeps(context.database);
    const app = createApp(deps);
    await seed({ database: context.database, app, deps });
    server = await serveApp(app);
    context.baseUrl = server.baseUrl;
    context.browser = await launchChromium();
  });
  after(async () => {
    await context.browser?.close();
    await server?.close();
    await context.database?.drop();
  });
  return context;
}
