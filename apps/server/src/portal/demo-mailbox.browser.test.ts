import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "@omniloket/db";
import type { Browser } from "playwright-core";
import { createApp } from "../app";
import { createDemoMailbox, type DemoMailbox } from "../channels/email";
import type { ChannelSettings } from "../features/organisation";
import {
  CHROMIUM,
  expectNoAxeViolations,
  hasChromium,
  launchChromium,
  serveApp,
} from "../features/workspace/browser-test-support";
import { testBackends } from "../test-support/backends";
import { testDeps } from "../test-support/harness";

describe(hasChromium
  ? "demo mailbox page in Debian chromium (axe WCAG 2.1 AA), empty and full, Dutch and English, without JavaScript"
  : `demo mailbox browser test SKIPPED: ${CHROMIUM} is not installed`, { skip: !hasChromium }, () => {
  let database: Database & { drop(): Promise<void> };
  let mailbox: DemoMailbox;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;

  before(async () => {
    const [backend] = testBackends();
    if (!backend) throw new Error("no test backend");
    database = await backend.open();
    mailbox = createDemoMailbox();
    server = await serveApp(createApp(testDeps(database), { demoMailbox: mailbox }));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await database?.drop();
  });

  it("passes axe and shows the newest mail first", async () => {
    const context = await browser.newContext({ locale: "nl-NL" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.baseUrl}/demo/postvak`);
    await page.getByRole("heading", { level: 1, name: "Demopostvak" }).waitFor();
    await expectNoAxeViolations(page, "empty demo mailbox");

    const settings = {
      email: { from: "Gemeente Voorbeeldstad <contact@voorbeeldstad.test>" },
    } as ChannelSettings;
    for (const [n, subject] of [
      [1, "Uw code om in te loggen bij Gemeente Voorbeeldstad"],
      [2, "Antwoord op uw vraag"],
    ] as const)
      await mailbox.send(
        {
          idempotencyKey: `browser:${n}`,
          tenantId: "00000000-0000-4000-8000-000000000001",
          channel: "email",
          to: "inwoner@voorbeeld.test",
          subject,
          text: `Beste inwoner,\n\nDit is bericht ${n}, met een heel lange regel: ${"woord ".repeat(60)}\n\nMet vriendelijke groet,\nGemeente Voorbeeldstad`,
          language: "nld",
          questionReference: n === 2 ? "VRG-2026-0001" : "",
          messageId: null,
          inReplyTo: [],
          template: null,
        },
        settings,
      );
    // Refreshing is reloading the page.
    await page.getByRole("link", { name: /opnieuw laden/ }).click();
    await page.getByRole("heading", { level: 2, name: /Antwoord op uw vraag/ }).waitFor();
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    assert.deepEqual(headings, [
      "Antwoord op uw vraag (uw vraag VRG-2026-0001)",
      "Uw code om in te loggen bij Gemeente Voorbeeldstad",
    ]);
    await expectNoAxeViolations(page, "demo mailbox");

    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Demo mailbox" }).waitFor();
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await expectNoAxeViolations(page, "demo mailbox in English");
    await context.close();
  });

  it("works without JavaScript", async () => {
    const context = await browser.newContext({ locale: "nl-NL", javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.baseUrl}/demo/postvak`);
      await page.getByRole("heading", { level: 1, name: "Demopostvak" }).waitFor();
      await page.getByRole("link", { name: /opnieuw laden/ }).click();
      await page.getByRole("heading", { level: 2, name: /Antwoord op uw vraag/ }).waitFor();
    } finally {
      await context.close();
    }
  });
});
